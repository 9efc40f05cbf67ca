package dev.rapport.customer;

import dev.rapport.channel.InboundMessage;
import dev.rapport.engine.CustomerView;
import dev.rapport.store.EventLog;
import java.util.LinkedHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Links a chat to a known customer, inside the turn's transaction. When the chat's own record is
 * one Rapport created on first contact (no external id, no phone, no purchases, no other chat), it
 * is merged into the customer: every row of every table with a {@code customer_id} column (found in
 * the catalog, so later features' tables move too; the audit log stays as written) moves over, and
 * the empty record is kept, marked {@code merged_into}, without a name. A chat whose record is a
 * real customer of its own only moves its channel account. Stateless; thread-safe.
 */
final class ChatLinks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatLinks.class);

    private ChatLinks() {}

    /** Links and returns the customer the chat belongs to now; records a {@code customer.linked} event. */
    static CustomerView link(Handle handle, CustomerView current, InboundMessage message, long targetId, String via) {
        if (current.id() == targetId) {
            return current;
        }
        boolean merge = handle.createQuery("""
                        SELECT c.external_id IS NULL AND c.phone IS NULL
                               AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.id)
                               AND (SELECT count(*) FROM channel_accounts a WHERE a.customer_id = c.id) <= 1
                        FROM customers c WHERE c.id = :id""")
                .bind("id", current.id())
                .mapTo(Boolean.class)
                .one();
        var data = new LinkedHashMap<String, Object>();
        data.put("via", via);
        if (merge) {
            mergeInto(handle, current.id(), targetId);
            data.put("merged_from", current.id());
        } else {
            handle.createUpdate("""
                            UPDATE channel_accounts SET customer_id = :target WHERE channel = :channel AND chat_key = :chatKey""")
                    .bind("target", targetId)
                    .bind("channel", message.channel())
                    .bind("chatKey", message.chatKey())
                    .execute();
            data.put("moved_from", current.id());
        }
        EventLog.record(handle, CustomerEvent.LINKED, message.channel().code(), message.chatKey(), targetId, data);
        return view(handle, targetId);
    }

    private static void mergeInto(Handle handle, long sourceId, long targetId) {
        for (String table : CustomerTables.withCustomerId(handle)) {
            if (table.equals("customers") || table.equals("audit_log")) {
                continue;
            }
            // A later feature's table may allow one row per customer (a unique key with customer_id): then
            // its rows stay with the merged record, findable through merged_into, rather than failing the turn.
            handle.savepoint("merge_table");
            try {
                handle.createUpdate("UPDATE " + CustomerTables.quoted(table)
                                + " SET customer_id = :target WHERE customer_id = :source")
                        .bind("target", targetId)
                        .bind("source", sourceId)
                        .execute();
                handle.releaseSavepoint("merge_table");
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                handle.rollbackToSavepoint("merge_table");
                log.warn(
                        "Merging customer {} into {}: rows of {} stay with {} ({})",
                        sourceId,
                        targetId,
                        table,
                        sourceId,
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        }
        // What the person said in the chat wins over the file: an explicit language, an opt-out.
        handle.createUpdate("""
                        UPDATE customers t
                        SET language = CASE WHEN s.language_chosen AND NOT t.language_chosen THEN s.language ELSE t.language END,
                            language_chosen = t.language_chosen OR s.language_chosen,
                            opted_out_at = coalesce(t.opted_out_at, s.opted_out_at)
                        FROM customers s WHERE t.id = :target AND s.id = :source""")
                .bind("target", targetId)
                .bind("source", sourceId)
                .execute();
        handle.createUpdate("UPDATE customers SET merged_into = :target, name = NULL WHERE id = :source")
                .bind("target", targetId)
                .bind("source", sourceId)
                .execute();
    }

    static CustomerView view(Handle handle, long id) {
        return handle.createQuery("""
                        SELECT id, name, language, language_chosen, tier, opted_out_at IS NOT NULL AS opted_out
                        FROM customers WHERE id = :id""")
                .bind("id", id)
                .map(ConstructorMapper.of(CustomerView.class))
                .one();
    }
}
