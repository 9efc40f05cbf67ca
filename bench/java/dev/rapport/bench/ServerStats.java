package dev.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters of the PostgreSQL server both phases share: commits of one database
 * ({@code pg_stat_database}), transaction ids handed out (write transactions, server-wide) and WAL
 * activity ({@code pg_stat_wal}, server-wide; the phases run one after the other, so a phase's
 * delta is its own). Backends flush their statistics about once a second, so a window's commit
 * count may be off by about a second's worth. Opens a connection per call; thread-safe.
 */
final class ServerStats {

    record Snapshot(
            long nanos, long commits, long rollbacks, long nextXid, long walRecords, long walBytes, long walSyncs) {}

    /** Per-second rates between two snapshots. */
    record Rates(
            double commits,
            double rollbacks,
            double writeTransactions,
            double walSyncs,
            double walMibPerSecond,
            double walRecords) {

        static Rates between(Snapshot before, Snapshot after) {
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            return new Rates(
                    (after.commits() - before.commits()) / seconds,
                    (after.rollbacks() - before.rollbacks()) / seconds,
                    (after.nextXid() - before.nextXid()) / seconds,
                    (after.walSyncs() - before.walSyncs()) / seconds,
                    (after.walBytes() - before.walBytes()) / seconds / (1024 * 1024),
                    (after.walRecords() - before.walRecords()) / seconds);
        }
    }

    private final String adminUrl;

    ServerStats(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    Snapshot take(String database) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            long commits;
            long rollbacks;
            try (ResultSet row = statement.executeQuery("SELECT xact_commit, xact_rollback FROM pg_stat_database "
                    + "WHERE datname = '" + database.replace("'", "''") + "'")) {
                row.next();
                commits = row.getLong(1);
                rollbacks = row.getLong(2);
            }
            try (ResultSet row = statement.executeQuery("""
                    SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint, wal_records, wal_bytes, wal_sync
                    FROM pg_stat_wal""")) {
                row.next();
                return new Snapshot(
                        System.nanoTime(),
                        commits,
                        rollbacks,
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the server's statistics", e);
        }
    }

    /**
     * The server's main process id from {@code postmaster.pid} in its data directory, or -1 when
     * that file cannot be read here (a server on another machine or in a container).
     */
    long postmasterPid() {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW data_directory")) {
            row.next();
            String pidFile = Files.readAllLines(Path.of(row.getString(1), "postmaster.pid"))
                    .get(0);
            return Long.parseLong(pidFile.trim());
        } catch (SQLException | IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The settings that decide how much a commit costs, and the server version. */
    Map<String, String> settings() {
        var settings = new LinkedHashMap<String, String>();
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                     SELECT name, setting || coalesce(unit, '') FROM pg_settings
                     WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'wal_sync_method',
                                    'commit_delay', 'shared_buffers', 'max_connections')
                     ORDER BY name""")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the server's settings", e);
        }
        return settings;
    }

    /** The database name at the end of a jdbc URL. */
    static String databaseName(String jdbcUrl) {
        String withoutQuery = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
        return withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
    }
}
