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
            return new DatabaseUrl(url, null, null);
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
            return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
                    user, password);
        } catch (URISyntaxException e) {
            throw new ConfigException("Setting database_url (environment DATABASE_URL) is '" + redact(url)
                    + "': " + e.getReason() + "; expected postgres://user:password@host:port/database");
        }
    }

    /** The address without its password, for logs. */
    public String redacted() {
        return jdbcUrl.replaceAll("password=[^&]*", "password=***") + (user == null ? "" : " as " + user);
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
