package dev.rapport.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The rows behind a figure: answers, tickets, handoff conversations, offer codes, win-back cases,
 * customers, tier movements. A figure links to its row set with the view's filter and a few narrowing
 * parameters ({@code type=nps&min=0&max=6}); the same link with {@code /csv} exports every row.
 *
 * @param name       the URL word: {@code /dashboard/rows/answers}
 * @param columns    text keys of the columns, in order
 * @param parameters the narrowing parameters this set takes, each value matching {@link #VALUE}
 * @param query      builds the SQL from the filter and the narrowing parameters; its select list is the
 *                   customer id, a row id (for links), then one text per column
 * @param needsTable a table that must exist for the set to have rows (the handoff feature's), or null
 */
record RowSet(
        String name,
        List<String> columns,
        Set<String> parameters,
        BiFunction<Filter, Map<String, String>, Query> query,
        String needsTable) {

    static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile("[\\p{L}\\p{N} _:.@-]{1,60}");

    /** A row set's SQL (its text made only in this package) and the condition whose values it binds. */
    record Query(String sql, Where where) {}
}
