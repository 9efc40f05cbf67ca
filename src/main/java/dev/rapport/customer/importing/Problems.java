package dev.rapport.customer.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Rejected rows of one import: all counted, the first {@link ImportReport#MAX_PROBLEMS} kept. Not thread-safe. */
final class Problems {

    private final List<Problem> kept = new ArrayList<>();
    private long count;

    void add(Problem problem) {
        count++;
        if (kept.size() < ImportReport.MAX_PROBLEMS) {
            kept.add(problem);
        }
    }

    /**
     * Runs a {@code DELETE … RETURNING line, reason} on the staging table: the rows it removes are
     * rejected, with {@code column} and the reason the statement computes.
     */
    void rejectStaged(Handle handle, String column, String sql) {
        handle.createQuery(sql)
                .map((row, ctx) -> new Problem(row.getLong("line"), column, row.getString("reason")))
                .forEach(this::add);
    }

    long count() {
        return count;
    }

    List<Problem> inLineOrder() {
        kept.sort(Comparator.comparingLong(Problem::line));
        return List.copyOf(kept);
    }
}
