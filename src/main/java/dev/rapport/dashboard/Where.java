package dev.rapport.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A SQL condition built from a {@link Filter} and drill-down parameters: only column names written in
 * this package's code go into the SQL text; every value is a bound parameter. A dimension with no
 * values adds no condition at all (so each query's plan fits the filter actually used). Not
 * thread-safe; one per query.
 */
final class Where {

    private final List<String> parts = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, List<String>> arrays = new LinkedHashMap<>();

    /** {@code column = ANY(values)} when there are values. */
    Where in(String column, List<String> allowed) {
        if (!allowed.isEmpty()) {
            String name = "p" + (values.size() + arrays.size());
            parts.add(column + " = ANY(:" + name + ")");
            arrays.put(name, allowed);
        }
        return this;
    }

    /** {@code from <= column < to}. */
    Where between(String column, Instant from, Instant to) {
        String low = "p" + (values.size() + arrays.size());
        values.put(low, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        String high = "p" + (values.size() + arrays.size());
        values.put(high, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        parts.add(column + " >= :" + low + " AND " + column + " < :" + high);
        return this;
    }

    /** {@code from <= column < to} for any of the spans ({@code [from, to)} each); false for none. */
    Where within(String column, List<Instant[]> spans) {
        var any = new ArrayList<String>();
        for (Instant[] span : spans) {
            String low = "p" + (values.size() + arrays.size());
            values.put(low, OffsetDateTime.ofInstant(span[0], ZoneOffset.UTC));
            String high = "p" + (values.size() + arrays.size());
            values.put(high, OffsetDateTime.ofInstant(span[1], ZoneOffset.UTC));
            any.add(column + " >= :" + low + " AND " + column + " < :" + high);
        }
        parts.add(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
        return this;
    }

    /** A condition with one value, written as {@code column op ?} (op from this package's code). */
    Where compare(String column, String operator, Object value) {
        String name = "p" + (values.size() + arrays.size());
        values.put(name, value);
        parts.add(column + " " + operator + " :" + name);
        return this;
    }

    /** A fixed condition from this package's code. */
    Where and(String condition) {
        parts.add(condition);
        return this;
    }

    /** The survey dimensions of a filter on a {@code survey_responses} alias. */
    Where responses(String alias, Filter filter) {
        return in(alias + ".tier", filter.tiers())
                .in(alias + ".channel", filter.channels())
                .in(alias + ".language", filter.languages())
                .in(alias + ".survey_id", filter.surveys());
    }

    /** The complaint dimensions of a filter on a {@code complaints} alias. */
    Where complaints(String alias, Filter filter) {
        return in(alias + ".tier", filter.tiers())
                .in(alias + ".channel", filter.channels())
                .in(alias + ".language", filter.languages())
                .in(alias + ".category", filter.categories());
    }

    String sql() {
        return parts.isEmpty() ? "true" : String.join(" AND ", parts);
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        values.forEach(statement::bind);
        arrays.forEach((name, list) -> statement.bindArray(name, String.class, list));
        return statement;
    }
}
