package dev.rapport.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address as {@code DATABASE_URL} gives it: {@code postgres://user:pass@host:port/db}
 * (also {@code postgresql://}) or a {@code jdbc:postgresql:} URL, split into what JDBC needs.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return fromJdbc(url);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new ConfigException("Setting database_url (environment DATABASE_URL) is '" + redact(url)
                    + "': expected postgres://user:password@host:port/database or a jdbc:postgresql: URL");
        }
        try {
            var uri = new URI(url);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new URISyntaxException(url, "host and database name are required");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl(
                    "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query, user, password);
        } catch (URISyntaxException e) {
            throw new ConfigException("Setting database_url (environment DATABASE_URL) is '" + redact(url) + "': "
                    + e.getReason() + "; expected postgres://user:password@host:port/database");
        }
    }

    /**
     * A {@code jdbc:postgresql:} URL with its {@code user} and {@code password} parameters (any case)
     * taken out into their own fields, so the URL the driver, the pool and Flyway see — and may log —
     * holds no password.
     */
    private static DatabaseUrl fromJdbc(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return new DatabaseUrl(url, null, null);
        }
        String user = null;
        String password = null;
        var kept = new java.util.ArrayList<String>();
        for (String parameter : url.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).strip();
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            if (name.equalsIgnoreCase("password")) {
                password = value;
            } else if (name.equalsIgnoreCase("user")) {
                user = value;
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return new DatabaseUrl(
                url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)), user, password);
    }

    /** A password given as a parameter, in any case and with any of the separators JDBC URLs use. */
    private static final java.util.regex.Pattern PASSWORD_PARAMETER =
            java.util.regex.Pattern.compile("(?i)(password\\s*=)[^&;]*");
    /** The password of {@code //user:password@host}: everything from the first colon to the last '@'. */
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("//([^:/@?]*):[^/?#]*@");

    /** The address without its password, for logs. */
    public String redacted() {
        return redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    /** Any database address with every password in it (parameter or user info, any case) replaced by ***. */
    public static String redact(String url) {
        String withoutUserInfo = USER_INFO.matcher(url).replaceAll("//$1:***@");
        return PASSWORD_PARAMETER.matcher(withoutUserInfo).replaceAll("$1***");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
