package dev.rapport.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: the server at {@code DATABASE_URL} when set, otherwise one embedded
 * PostgreSQL per test JVM (its data removed at exit without holding the exit). {@link #fresh()} gives each caller its own new database, copied from a
 * migrated template, so tests never see each other's rows. Thread-safe.
 */
public final class TestDatabase {

    private static final AtomicInteger counter = new AtomicInteger();
    private static final String prefix =
            "rapport_test_" + ProcessHandle.current().pid() + "_";
    /** Where test JVMs keep their embedded servers' data, one directory per JVM named by its pid. */
    private static final Path DATA_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "rapport-test-postgres");

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
        private Path dataDirectory; // the embedded server's, named by this JVM's pid; null with DATABASE_URL

        private Server() {
            String configured = System.getenv("DATABASE_URL");
            if (configured != null && !configured.isBlank()) {
                embedded = null;
                baseUrl = withCredentials(dev.rapport.config.DatabaseUrl.parse(configured));
            } else {
                dataDirectory =
                        DATA_ROOT.resolve(Long.toString(ProcessHandle.current().pid()));
                try {
                    removeLeftovers(dataDirectory);
                    embedded = EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "300")
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false) // removed without waiting, by stop()
                            .setRegisterShutdownHook(false)
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
                }
                baseUrl = embedded.getJdbcUrl("postgres", "postgres");
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-postgres-stop"));
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

        /**
         * Stops the server and leaves its data directory (gigabytes after a full suite) to a process
         * of its own: deleting it here held the test JVM's exit past the test plugins' 30 s limit.
         */
        private void stop() {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing to report to
            }
            removeDetached(dataDirectory);
        }

        /**
         * Removes the data directories of test JVMs that ended without removing theirs (killed, say),
         * first moving aside one left under this JVM's own pid by an earlier process.
         */
        private static void removeLeftovers(Path own) throws IOException {
            Files.createDirectories(DATA_ROOT);
            if (Files.exists(own)) {
                Files.move(own, DATA_ROOT.resolve("stale-" + own.getFileName() + "-" + System.nanoTime()));
            }
            try (var directories = Files.list(DATA_ROOT)) {
                directories.filter(Server::abandoned).forEach(Server::removeDetached);
            }
        }

        private static boolean abandoned(Path directory) {
            String name = directory.getFileName().toString();
            return name.startsWith("stale-")
                    || name.matches("\\d+")
                            && ProcessHandle.of(Long.parseLong(name)).isEmpty();
        }

        /** Deletes {@code directory} in a process that is not waited for and outlives this JVM. */
        private static void removeDetached(Path directory) {
            try {
                new ProcessBuilder("rm", "-rf", directory.toString())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                // left for the next test JVM's removeLeftovers
            }
        }
    }
}
