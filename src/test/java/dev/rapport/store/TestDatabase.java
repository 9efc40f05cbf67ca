package dev.rapport.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: the server at {@code DATABASE_URL} when set, otherwise one embedded
 * PostgreSQL per test JVM. {@link #fresh()} gives each caller its own new database, copied from a
 * migrated template, so tests never see each other's rows. Thread-safe.
 */
public final class TestDatabase {

    private static final AtomicInteger counter = new AtomicInteger();
    private static final String prefix =
            "rapport_test_" + ProcessHandle.current().pid() + "_";

    private TestDatabase() {}

    /** A new, migrated, empty database. Close it when done. */
    public static Database fresh() {
        String name = prefix + counter.incrementAndGet();
        Server.INSTANCE.execute("CREATE DATABASE " + name + " TEMPLATE " + Server.INSTANCE.template);
        return Database.connect(Server.INSTANCE.urlFor(name), 12);
    }

    /** The server's maintenance database, for tests that administer the server (block connections, say). */
    public static String adminUrl() {
        return Server.INSTANCE.baseUrl;
    }

    /** The address of a new, empty database that has not been migrated (for start-up tests). */
    public static String freshUnmigratedUrl() {
        String name = prefix + counter.incrementAndGet();
        Server.INSTANCE.execute("CREATE DATABASE " + name);
        return Server.INSTANCE.urlFor(name);
    }

    /** The JVM-wide server; started on first use, stopped at exit. */
    private static final class Server {

        static final Server INSTANCE = new Server();

        final String baseUrl; // jdbc URL of the admin database, without the database name's tail
        final String template = prefix + "template";
        private final EmbeddedPostgres embedded;

        private Server() {
            String configured = System.getenv("DATABASE_URL");
            if (configured != null && !configured.isBlank()) {
                embedded = null;
                baseUrl = withCredentials(dev.rapport.config.DatabaseUrl.parse(configured));
            } else {
                try {
                    embedded = EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "300")
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
                }
                baseUrl = embedded.getJdbcUrl("postgres", "postgres");
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
            }
            execute("CREATE DATABASE " + template);
            try (var database = Database.connect(urlFor(template), 2)) {
                database.migrate();
            }
        }

        String urlFor(String database) {
            String withoutQuery = baseUrl.contains("?") ? baseUrl.substring(0, baseUrl.indexOf('?')) : baseUrl;
            String query = baseUrl.contains("?") ? baseUrl.substring(baseUrl.indexOf('?')) : "";
            String server = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1);
            return server + database + query;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(baseUrl)) {
                connection.createStatement().execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Test database setup failed: " + sql, e);
            }
        }

        /** A jdbc URL that carries the user and password, so every database URL derived from it does too. */
        private static String withCredentials(dev.rapport.config.DatabaseUrl address) {
            var url = new StringBuilder(address.jdbcUrl());
            char separator = address.jdbcUrl().contains("?") ? '&' : '?';
            if (address.user() != null) {
                url.append(separator).append("user=").append(encode(address.user()));
                separator = '&';
            }
            if (address.password() != null) {
                url.append(separator).append("password=").append(encode(address.password()));
            }
            return url.toString();
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }

        private void stop() {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing to report to
            }
        }
    }
}
