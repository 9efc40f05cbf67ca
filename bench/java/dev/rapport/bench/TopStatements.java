package dev.rapport.bench;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The statements that cost PostgreSQL the most in a run, from {@code pg_stat_statements} (loaded
 * when {@code BENCH_PG_STATEMENTS} is set). For finding where the database time of a turn goes, with
 * the rows each table had written (HOT updates add no index entries).
 */
final class TopStatements {

    private TopStatements() {}

    static List<String> read(Jdbi jdbi) {
        var lines = new ArrayList<String>();
        jdbi.useHandle(handle -> {
            handle.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            lines.add("top statements by total time (calls, total ms, mean ms, rows/call):");
            handle.createQuery("""
                            SELECT calls, round(total_exec_time::numeric, 0) AS total, round(mean_exec_time::numeric, 3)
                                   AS mean, round(rows::numeric / greatest(calls, 1), 1) AS rows,
                                   regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
                            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                            ORDER BY total_exec_time DESC LIMIT 15""")
                    .map((rs, ctx) -> String.format(
                            "  %8d %8s %8s %6s  %s",
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                    .forEach(lines::add);
            lines.add(
                    "row writes by table, whole run (inserted, updated, of them HOT, deleted, indexes, autovacuums, autoanalyzes):");
            handle.createQuery("""
                            SELECT t.relname, t.n_tup_ins, t.n_tup_upd, t.n_tup_hot_upd, t.n_tup_del,
                                   (SELECT count(*) FROM pg_index i WHERE i.indrelid = t.relid) AS indexes,
                                   t.autovacuum_count, t.autoanalyze_count
                            FROM pg_stat_user_tables t
                            WHERE t.n_tup_ins + t.n_tup_upd + t.n_tup_del > 0
                            ORDER BY t.n_tup_ins + t.n_tup_upd + t.n_tup_del DESC LIMIT 12""")
                    .map((rs, ctx) -> String.format(
                            "  %-22s %8d %8d %8d %8d %3d %5d %5d",
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getInt(6),
                            rs.getLong(7),
                            rs.getLong(8)))
                    .forEach(lines::add);
            walByKind(handle, lines);
        });
        return lines;
    }

    /**
     * What the WAL since the last checkpoint is made of, by record kind (pg_walinspect): how many
     * records, their bytes and the bytes of full-page images. Skipped when the server lacks the
     * extension.
     */
    private static void walByKind(org.jdbi.v3.core.Handle handle, List<String> lines) {
        try {
            handle.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
        } catch (RuntimeException e) {
            lines.add("WAL by kind: pg_walinspect is not available ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
            return;
        }
        lines.add("WAL since the last checkpoint by kind (records, record KiB, full-page image KiB):");
        handle.createQuery("""
                        SELECT "resource_manager/record_type" AS kind, count, record_size / 1024 AS record_kib,
                               fpi_size / 1024 AS fpi_kib
                        FROM pg_get_wal_stats((SELECT redo_lsn FROM pg_control_checkpoint()), pg_current_wal_lsn(), true)
                        WHERE count > 0 ORDER BY record_size + fpi_size DESC LIMIT 14""")
                .map((rs, ctx) -> String.format(
                        "  %-28s %9d %9d %9d", rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .forEach(lines::add);
    }
}
