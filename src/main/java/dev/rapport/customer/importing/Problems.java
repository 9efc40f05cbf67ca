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
     * Runs a {@code DELETE … RETURNING line, facts} on the staging table ({@code facts} a text array):
     * the rows it removes are rejected at {@code column}, for the reason {@code key}, whose English is
     * {@code english} with the facts in its {@code {}}.
     */
    void rejectStaged(Handle handle, String column, String key, String english, String sql) {
        handle.createQuery(sql)
                .map((row, ctx) -> Problem.of(row.getLong("line"), column, key, english, (Object[])
                        row.getArray("facts").getArray()))
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
