package dev.rapport.customer.importing;

import dev.rapport.customer.PhoneNumbers;
import java.io.InputStream;
import org.jdbi.v3.core.Handle;

/**
 * Customers from the shop's CSV ({@code external_id,name,phone,email,language,time_zone}), upserted
 * on {@code external_id}. A value left empty keeps what Rapport has; a language the customer chose
 * with /language wins over the file's. Rows are streamed through COPY into a staging table and
 * written with a few set-based statements, all in one transaction: a file is imported whole (its
 * good rows) or not at all. Re-importing the same file changes nothing.
 */
final class CustomerImport {

    private static final String COLUMNS = "line, external_id, name, phone, email, language, time_zone";

    private CustomerImport() {}

    static ImportReport run(Handle handle, InputStream input, PhoneNumbers phones, Progress progress) {
        long started = System.nanoTime();
        var problems = new Problems();
        handle.execute("""
                CREATE TEMP TABLE customer_rows (line bigint PRIMARY KEY, external_id text NOT NULL, name text,
                    phone text, email text, language text, time_zone text) ON COMMIT DROP""");
        long rows = StagingCopy.fill(
                handle,
                input,
                progress,
                problems,
                CustomerRow.REQUIRED,
                CustomerRow.OPTIONAL,
                "customer_rows",
                COLUMNS,
                row -> {
                    var customer = CustomerRow.parse(row::get, phones);
                    return new Object[] {
                        row.line(),
                        customer.externalId(),
                        customer.name(),
                        customer.phone(),
                        customer.email(),
                        customer.language(),
                        customer.timeZone()
                    };
                });
        rejectConflicts(handle, problems);
        int updated = handle.createUpdate("""
                UPDATE customers c
                SET name = coalesce(r.name, c.name), phone = coalesce(r.phone, c.phone), email = coalesce(r.email, c.email),
                    time_zone = coalesce(r.time_zone, c.time_zone),
                    language = CASE WHEN c.language_chosen THEN c.language ELSE coalesce(r.language, c.language) END
                FROM customer_rows r
                WHERE c.external_id = r.external_id
                  AND (c.name, c.phone, c.email, c.time_zone, c.language) IS DISTINCT FROM
                      (coalesce(r.name, c.name), coalesce(r.phone, c.phone), coalesce(r.email, c.email),
                       coalesce(r.time_zone, c.time_zone),
                       CASE WHEN c.language_chosen THEN c.language ELSE coalesce(r.language, c.language) END)""").execute();
        int created = handle.createUpdate("""
                INSERT INTO customers (external_id, name, phone, email, language, time_zone)
                SELECT r.external_id, r.name, r.phone, r.email, coalesce(r.language, 'en'), r.time_zone
                FROM customer_rows r
                WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.external_id = r.external_id)
                ORDER BY r.line
                ON CONFLICT DO NOTHING""").execute();
        long staged = handle.createQuery("SELECT count(*) FROM customer_rows")
                .mapTo(Long.class)
                .one();
        return new ImportReport(
                "customers",
                rows,
                created,
                updated,
                staged - created - updated,
                problems.count(),
                problems.inLineOrder(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The first row of an external id or a phone number wins; later ones, and phones another customer has, are rejected. */
    private static void rejectConflicts(Handle handle, Problems problems) {
        problems.rejectStaged(
                handle, "external_id", "duplicate_external_id", "external id '{}' is already on line {}", """
                DELETE FROM customer_rows r USING (
                    SELECT line, min(line) OVER (PARTITION BY external_id) AS first FROM customer_rows) d
                WHERE r.line = d.line AND d.line <> d.first
                RETURNING r.line, ARRAY[r.external_id, d.first::text] AS facts""");
        problems.rejectStaged(
                handle, "phone", "duplicate_phone", "phone {} is already on line {} (one number, one customer)", """
                DELETE FROM customer_rows r USING (
                    SELECT line, min(line) OVER (PARTITION BY phone) AS first FROM customer_rows WHERE phone IS NOT NULL) d
                WHERE r.line = d.line AND d.line <> d.first
                RETURNING r.line, ARRAY[r.phone, d.first::text] AS facts""");
        problems.rejectStaged(handle, "phone", "phone_taken", "phone {} belongs to customer {} (external id {})", """
                DELETE FROM customer_rows r USING customers c
                WHERE c.phone = r.phone AND c.external_id IS NOT NULL AND c.external_id <> r.external_id
                RETURNING r.line, ARRAY[r.phone, c.id::text, c.external_id] AS facts""");
        problems.rejectStaged(
                handle, "phone", "phone_taken_without_external_id", "phone {} belongs to customer {}", """
                DELETE FROM customer_rows r USING customers c
                WHERE c.phone = r.phone AND c.external_id IS NULL
                RETURNING r.line, ARRAY[r.phone, c.id::text] AS facts""");
    }
}
