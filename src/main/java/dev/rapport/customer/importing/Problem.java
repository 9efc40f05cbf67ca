package dev.rapport.customer.importing;

import dev.rapport.store.Labels;

/**
 * Why one row of an import (or one object of an API batch) was not taken.
 *
 * @param line   the file's line number (1 is the header); for the API, the index in the batch
 * @param column the column (field) at fault, or {@code "-"} when the whole row is
 */
public record Problem(long line, String column, String reason) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + reason;
    }

    /**
     * Where and why in the reader's words ({@code customers.import.problem}, or {@code …problem_row}
     * when the whole row is at fault). The reason itself is as the check worded it.
     */
    public String describe(Labels labels) {
        return "-".equals(column)
                ? labels.get("customers.import.problem_row", line, reason)
                : labels.get("customers.import.problem", line, column, reason);
    }
}
