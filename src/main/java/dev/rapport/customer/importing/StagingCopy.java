package dev.rapport.customer.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into a staging table with PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}: the
 * fastest way in, and constant memory however long the file. Values are written quoted; a Java
 * null is written unquoted and arrives as SQL NULL. Not thread-safe; used on the import's handle.
 */
final class StagingCopy implements AutoCloseable {

    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(256);

    StagingCopy(Handle handle, String table, String columns) {
        try {
            PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
            this.out = new PGCopyOutputStream(
                    connection, "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", 1 << 16);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Streams the CSV's data rows into {@code table}: {@code toValues} turns a row into the staged
     * values (throwing {@link BadValue} for a row to reject); rows of the wrong shape and bad values
     * go to {@code problems}. Returns how many data rows the file had.
     */
    static long fill(
            Handle handle,
            InputStream input,
            Progress progress,
            Problems problems,
            List<String> required,
            List<String> optional,
            String table,
            String columns,
            Function<CsvRows.Row, Object[]> toValues) {
        long[] rows = {0};
        try (var csv = new CsvRows(progress.counting(input), required, optional);
                var copy = new StagingCopy(handle, table, columns)) {
            csv.forEach(
                    row -> {
                        rows[0]++;
                        progress.row();
                        try {
                            copy.row(toValues.apply(row));
                        } catch (BadValue bad) {
                            problems.add(bad.at(row.line()));
                        }
                    },
                    problem -> {
                        rows[0]++;
                        problems.add(problem);
                    });
        }
        progress.done();
        handle.execute("ANALYZE " + table);
        return rows[0];
    }

    void row(Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values[i];
            if (value != null) {
                line.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
        }
        line.append('\n');
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into the staging table failed", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into the staging table failed", e);
        }
    }
}
