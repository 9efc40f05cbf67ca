package dev.rapport.customer.importing;

import dev.rapport.store.Labels;
import java.util.List;

/**
 * What an import did. {@code unchanged} rows were already stored exactly so: re-importing a file
 * gives {@code created = updated = 0}. {@code problems} holds the first {@link #MAX_PROBLEMS}
 * rejected rows; {@code rejected} counts them all.
 */
public record ImportReport(
        String what,
        long rows,
        long created,
        long updated,
        long unchanged,
        long rejected,
        List<Problem> problems,
        long millis) {

    public static final int MAX_PROBLEMS = 1000;

    /** The summary in English, for the log. */
    public String summary() {
        return "%s: %,d rows read: %,d created, %,d updated, %,d unchanged, %,d rejected (%.1f s)"
                .formatted(what, rows, created, updated, unchanged, rejected, millis / 1000.0);
    }

    /**
     * The summary in the reader's words, for staff ({@code customers.import.summary}, the kind of rows
     * as {@code customers.import.what.<what>}); counts grouped by thousands.
     */
    public String summary(Labels labels) {
        return labels.get(
                "customers.import.summary",
                labels.get("customers.import.what." + what),
                "%,d".formatted(rows),
                "%,d".formatted(created),
                "%,d".formatted(updated),
                "%,d".formatted(unchanged),
                "%,d".formatted(rejected),
                "%.1f".formatted(millis / 1000.0));
    }
}
