package dev.rapport.bench;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The statements that cost PostgreSQL the most in a run, from {@code pg_stat_statements} (loaded
 * when {@code BENCH_PG_STATEMENTS} is set). For finding where the database time of a turn goes.
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
        });
        return lines;
    }
}
