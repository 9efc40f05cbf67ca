package dev.rapport.dashboard;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a {@link RowSet}'s rows: the first few for a page, or all of them, streamed a batch at a time
 * (for CSV exports of any size, in one read-only transaction). Thread-safe.
 */
final class RowReader {

    /** One row: the customer it belongs to (for the transcript link), its id, and its cells as text. */
    record Row(long customerId, long id, List<String> cells) {}

    private final Jdbi jdbi;
    private final ZoneId zone;

    RowReader(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** True when the set can be read (its table exists). */
    boolean available(RowSet set) {
        return set.needsTable() == null
                || jdbi.withHandle(handle -> handle.createQuery("SELECT to_regclass(:table) IS NOT NULL")
                        .bind("table", set.needsTable())
                        .mapTo(Boolean.class)
                        .one());
    }

    List<Row> first(RowSet set, Filter filter, Map<String, String> narrow, int limit) {
        var rows = new ArrayList<Row>();
        each(set, filter, narrow, limit, rows::add);
        return rows;
    }

    /** Hands every row (up to {@code limit}) to {@code sink}, in the set's order. */
    void each(RowSet set, Filter filter, Map<String, String> narrow, long limit, Consumer<Row> sink) {
        if (!available(set)) {
            return;
        }
        RowSet.Query query = set.query().apply(filter, narrow);
        int columns = set.columns().size();
        jdbi.useTransaction(handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            // The rows are read through a cursor (fetch size), for which PostgreSQL by default plans to return
            // the first tenth fast: for an export of a month's answers that walked every answer of the type
            // newest first (3.6 s). Every row up to the limit is read, so plan for all of them.
            handle.execute("SET LOCAL cursor_tuple_fraction = 1.0");
            Reads.planned(handle);
            query.where()
                    .bind(handle.createQuery(query.sql() + " LIMIT :limit"))
                    .bind("zone", zone.getId())
                    .bind("limit", limit)
                    .setFetchSize(5000)
                    .map((rs, ctx) -> {
                        // By position on purpose: a row set's SELECT is its id, its conversation, then its
                        // declared columns in order (RowSet.columns), whatever they are named.
                        var cells = new ArrayList<String>(columns);
                        for (int i = 0; i < columns; i++) {
                            cells.add(rs.getString(3 + i));
                        }
                        return new Row(rs.getLong(1), rs.getLong(2), cells);
                    })
                    .useStream(stream -> stream.forEach(sink));
        });
    }
}
