package dev.rapport.customer.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.customer.AuditLog;
import dev.rapport.customer.CustomerTables;
import dev.rapport.store.Json;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything Rapport holds about one customer, as one JSON document (a data subject's access
 * request): the customer row; under {@code chats} their channel accounts; one array per table
 * with a {@code customer_id} column (purchases, messages, events, tier_history, conversations and
 * whatever later features add, found in the catalog); and per chat the raw updates as they arrived
 * ({@code inbound_updates}) and the outbox rows. Each export is audited. Thread-safe.
 */
public final class CustomerExport {

    private static final ObjectMapper JSON = Json.mapper();

    private final Jdbi jdbi;

    public CustomerExport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The document for customer {@code customerId}, read in one transaction (a consistent snapshot). */
    public ObjectNode export(long customerId, String actor) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            ObjectNode document = JSON.createObjectNode();
            document.put("exported_at", Instant.now().toString());
            document.set(
                    "customer",
                    read(handle, "SELECT to_jsonb(c)::text FROM customers c WHERE id = :id", customerId)
                            .get(0));
            for (String table : CustomerTables.withCustomerId(handle)) {
                String key = table.equals("channel_accounts") ? "chats" : table;
                document.set(
                        key,
                        read(
                                handle,
                                "SELECT to_jsonb(t)::text FROM " + CustomerTables.quoted(table)
                                        + " t WHERE customer_id = :id",
                                customerId));
            }
            for (String table : new String[] {"inbound_updates", "outbox"}) {
                document.set(table, read(handle, "SELECT to_jsonb(t)::text FROM " + table + " t " + """
                        WHERE (t.channel, t.chat_key) IN (
                            SELECT channel, chat_key FROM channel_accounts WHERE customer_id = :id)""", customerId));
            }
            AuditLog.record(handle, actor, "customers.export", customerId, Map.of());
            return document;
        });
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode read(Handle handle, String sql, long customerId) {
        var rows = JSON.createArrayNode();
        handle.createQuery(sql).bind("id", customerId).mapTo(String.class).forEach(json -> rows.add(Json.read(json)));
        return rows;
    }
}
