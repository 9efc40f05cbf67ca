package dev.rapport.customer.importing;

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
}
