package dev.rapport.customer.privacy;

import dev.rapport.customer.CustomerTables;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Clears the columns features mark as personal, for one customer. A migration marks a column with
 * {@code COMMENT ON COLUMN t.c IS 'personal'} (or {@code 'personal where <condition>'} to clear only
 * some rows); the marks are read from the catalog, so a feature added later is erased without a
 * change here. A marked column is found in a table with {@code customer_id}, or in a table whose
 * foreign key points at one (survey answers through their response). A nullable column becomes
 * NULL, one with a default gets its default, any other the empty text. Stateless; thread-safe.
 */
final class PersonalColumns {

    private record Column(
            String table, String column, String condition, boolean notNull, boolean hasDefault, String path) {}

    private PersonalColumns() {}

    /** Returns how many rows had something cleared. */
    static int clear(Handle handle, long customerId) {
        int rows = 0;
        for (Column column : marked(handle)) {
            if (column.path() == null) {
                continue; // no way from this table to a customer: nothing of theirs can be in it
            }
            String value = !column.notNull() ? "NULL" : column.hasDefault() ? "DEFAULT" : "''";
            String sql = "UPDATE " + CustomerTables.quoted(column.table()) + " SET "
                    + CustomerTables.quoted(column.column()) + " = " + value + " WHERE " + column.path()
                    + (column.condition().isEmpty() ? "" : " AND (" + column.condition() + ")");
            rows += handle.createUpdate(sql).bind("id", customerId).execute();
        }
        return rows;
    }

    /** Marked columns with the condition that finds a customer's rows in their table. */
    private static List<Column> marked(Handle handle) {
        return handle.createQuery("""
                        SELECT c.relname AS table_name, a.attname AS column_name,
                               trim(substr(d.description, length('personal') + 1)) AS marking,
                               a.attnotnull AS not_null, ad.adbin IS NOT NULL AS has_default,
                               CASE WHEN EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid
                                                 AND x.attname = 'customer_id' AND NOT x.attisdropped)
                                    THEN 'customer_id = :id'
                                    ELSE (SELECT quote_ident(fk.attname) || ' IN (SELECT id FROM '
                                                 || quote_ident(target.relname) || ' WHERE customer_id = :id)'
                                          FROM pg_constraint k
                                          JOIN pg_attribute fk ON fk.attrelid = k.conrelid AND fk.attnum = k.conkey[1]
                                          JOIN pg_class target ON target.oid = k.confrelid
                                          WHERE k.conrelid = c.oid AND k.contype = 'f'
                                            AND EXISTS (SELECT 1 FROM pg_attribute y WHERE y.attrelid = target.oid
                                                        AND y.attname = 'customer_id' AND NOT y.attisdropped)
                                          ORDER BY k.conname LIMIT 1)
                               END AS path
                        FROM pg_description d
                        JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
                        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
                        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
                        LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
                        WHERE d.objsubid > 0 AND d.description LIKE 'personal%'
                        ORDER BY c.relname, a.attname""")
                .map((row, ctx) -> {
                    String marking = row.getString("marking");
                    return new Column(
                            row.getString("table_name"),
                            row.getString("column_name"),
                            marking.startsWith("where ") ? marking.substring(6) : "",
                            row.getBoolean("not_null"),
                            row.getBoolean("has_default"),
                            row.getString("path"));
                })
                .list();
    }
}
