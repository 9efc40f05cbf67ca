package dev.rapport.customer.importing;

import java.io.InputStream;
import java.time.ZoneId;
import org.jdbi.v3.core.Handle;

/**
 * Purchases from the shop's CSV ({@code external_id,customer_external_id,amount,purchased_at[,margin,currency]}),
 * upserted on {@code external_id}; the customer must have been imported. Streams through COPY into
 * a staging table, then a few set-based statements, in one transaction. Re-importing the same file
 * changes nothing.
 */
final class PurchaseImport {

    private static final String COLUMNS =
            "line, external_id, customer_external_id, amount, margin, currency, purchased_at";

    private PurchaseImport() {}

    static ImportReport run(Handle handle, InputStream input, ZoneId zone, Progress progress) {
        long started = System.nanoTime();
        var problems = new Problems();
        handle.execute("""
                CREATE TEMP TABLE purchase_rows (line bigint PRIMARY KEY, external_id text NOT NULL,
                    customer_external_id text NOT NULL, amount numeric(14,2) NOT NULL, margin numeric(14,2),
                    currency text, purchased_at timestamptz NOT NULL, customer_id bigint) ON COMMIT DROP""");
        long rows = StagingCopy.fill(
                handle,
                input,
                progress,
                problems,
                PurchaseRow.REQUIRED,
                PurchaseRow.OPTIONAL,
                "purchase_rows",
                COLUMNS,
                row -> {
                    var purchase = PurchaseRow.parse(row::get, zone);
                    return new Object[] {
                        row.line(),
                        purchase.externalId(),
                        purchase.customerExternalId(),
                        purchase.amount().toPlainString(),
                        purchase.margin() == null ? null : purchase.margin().toPlainString(),
                        purchase.currency(),
                        purchase.purchasedAt().toString()
                    };
                });
        problems.rejectStaged(
                handle, "external_id", "duplicate_external_id", "external id '{}' is already on line {}", """
                DELETE FROM purchase_rows r USING (
                    SELECT line, min(line) OVER (PARTITION BY external_id) AS first FROM purchase_rows) d
                WHERE r.line = d.line AND d.line <> d.first
                RETURNING r.line, ARRAY[r.external_id, d.first::text] AS facts""");
        handle.execute("""
                UPDATE purchase_rows r SET customer_id = c.id
                FROM customers c WHERE c.external_id = r.customer_external_id""");
        problems.rejectStaged(
                handle,
                "customer_external_id",
                "unknown_customer",
                "no customer has external id '{}'; import the customers first",
                """
                DELETE FROM purchase_rows WHERE customer_id IS NULL
                RETURNING line, ARRAY[customer_external_id] AS facts""");
        int updated = handle.createUpdate("""
                UPDATE purchases p
                SET customer_id = r.customer_id, amount = r.amount, margin = r.margin, currency = r.currency,
                    purchased_at = r.purchased_at
                FROM purchase_rows r
                WHERE p.external_id = r.external_id
                  AND (p.customer_id, p.amount, p.margin, p.currency, p.purchased_at) IS DISTINCT FROM
                      (r.customer_id, r.amount, r.margin, r.currency, r.purchased_at)""").execute();
        int created = handle.createUpdate("""
                INSERT INTO purchases (external_id, customer_id, amount, margin, currency, purchased_at)
                SELECT r.external_id, r.customer_id, r.amount, r.margin, r.currency, r.purchased_at
                FROM purchase_rows r
                WHERE NOT EXISTS (SELECT 1 FROM purchases p WHERE p.external_id = r.external_id)
                ORDER BY r.line
                ON CONFLICT (external_id) DO NOTHING""").execute();
        long staged = handle.createQuery("SELECT count(*) FROM purchase_rows")
                .mapTo(Long.class)
                .one();
        return new ImportReport(
                "purchases",
                rows,
                created,
                updated,
                staged - created - updated,
                problems.count(),
                problems.inLineOrder(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
