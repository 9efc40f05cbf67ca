package dev.rapport.customer;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The tables that hold a customer's data, found in the database catalog rather than listed here,
 * so tables later features add (complaints, survey answers, offer sends …) are merged, exported and
 * erased with the rest. Stateless; thread-safe.
 */
public final class CustomerTables {

    private CustomerTables() {}

    /** Base tables of the current schema with a {@code customer_id} column, by name. */
    public static List<String> withCustomerId(Handle handle) {
        return withColumns(handle, List.of("customer_id"));
    }

    /** Base tables with both {@code channel} and {@code chat_key} columns: what is kept per chat. */
    public static List<String> withChat(Handle handle) {
        return withColumns(handle, List.of("channel", "chat_key"));
    }

    private static List<String> withColumns(Handle handle, List<String> columns) {
        return handle.createQuery("""
                        SELECT c.table_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND c.column_name = ANY(:columns)
                          AND t.table_type = 'BASE TABLE'
                        GROUP BY c.table_name HAVING count(*) = :count
                        ORDER BY c.table_name""")
                .bindArray("columns", String.class, columns)
                .bind("count", columns.size())
                .mapTo(String.class)
                .list();
    }

    /** A table name from the catalog, quoted for SQL. */
    public static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
