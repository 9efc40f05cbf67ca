package dev.rapport.customer.importing;

import dev.rapport.domain.Placeholders;
import dev.rapport.store.Labels;
import java.util.Arrays;
import java.util.List;

/**
 * Why one row of an import (or one object of an API batch) was not taken.
 *
 * @param line   the file's line number (1 is the header); for the API, the index in the batch
 * @param column the column (field) at fault, or {@code "-"} when the whole row is
 * @param reason why, in English (the API's and the log's words)
 * @param key    the reason's text key for staff, {@code customers.import.reason.<key>} in the command
 *               line's texts, whose English is {@code reason}'s pattern
 * @param values the reason's values, in order of its {@code {}}
 */
public record Problem(long line, String column, String reason, String key, List<String> values) {

    public Problem {
        values = List.copyOf(values);
    }

    /** A problem whose English reason is {@code english} with each {@code {}} replaced by the next value. */
    static Problem of(long line, String column, String key, String english, Object... values) {
        List<String> texts = Arrays.stream(values).map(String::valueOf).toList();
        return new Problem(line, column, Placeholders.fill(english, texts.toArray()), key, texts);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + reason;
    }

    /** The reason in the reader's words. */
    public String reason(Labels labels) {
        return labels.get("customers.import.reason." + key, values.toArray());
    }

    /** Where and why in the reader's words ({@code …problem}, or {@code …problem_row} when the whole row is at fault). */
    public String describe(Labels labels) {
        return "-".equals(column)
                ? labels.get("customers.import.problem_row", line, reason(labels))
                : labels.get("customers.import.problem", line, column, reason(labels));
    }
}
