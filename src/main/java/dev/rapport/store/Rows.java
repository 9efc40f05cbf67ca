package dev.rapport.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads of result-set columns by name that JDBC does not offer directly. Stateless; thread-safe. */
public final class Rows {

    private Rows() {}

    /** A {@code timestamptz} column as an instant; {@code null} when the column is NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
