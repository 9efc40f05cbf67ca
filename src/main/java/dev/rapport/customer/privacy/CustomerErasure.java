package dev.rapport.customer.privacy;

import dev.rapport.customer.AuditLog;
import dev.rapport.customer.CustomerTables;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Erases a customer's personal data on request, keeping what reports count. Removed: name, phone,
 * email, external id and time zone; the chats' Telegram identities (each chat id is replaced by a
 * pseudonym in every table that keeps chats, found in the catalog; the channel accounts are
 * deleted, so writing again starts as a stranger); message texts and buttons; the raw updates'
 * payloads; the outbox's texts; dialogue slots; the personal part of events ({@code events.personal},
 * see {@link dev.rapport.store.EventType}); open link tokens.
 * Kept: the customer row (id, tier, language, erased_at), the number and kind of messages with
 * their intent and sentiment, events by type, purchases, tier history. In one transaction;
 * audited; running it again changes nothing more.
 *
 * <p>Tables of later features are re-keyed when they keep chats; their own text columns are cleared
 * when their migration marks them personal (see {@link PersonalColumns}).
 */
public final class CustomerErasure {

    private final Jdbi jdbi;

    public CustomerErasure(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What was erased, for the command's output. */
    public record Erased(long customerId, int chats, int messages, int events) {}

    public Erased erase(long customerId, String actor) {
        return jdbi.inTransaction(handle -> {
            handle.createQuery("SELECT id FROM customers WHERE id = :id FOR UPDATE")
                    .bind("id", customerId)
                    .mapTo(Long.class)
                    .one();
            var chats = handle.createQuery("""
                            SELECT channel, chat_key FROM channel_accounts WHERE customer_id = :id ORDER BY created_at""")
                    .bind("id", customerId)
                    .map((row, ctx) -> List.of(row.getString("channel"), row.getString("chat_key")))
                    .list();
            List<String> chatTables = CustomerTables.withChat(handle).stream()
                    .filter(table -> !table.equals("channel_accounts"))
                    .toList();
            int n = 0;
            for (List<String> chat : chats) {
                String pseudonym = "erased-" + customerId + "-" + (++n);
                for (String table : chatTables) {
                    handle.createUpdate("UPDATE " + CustomerTables.quoted(table)
                                    + " SET chat_key = :pseudonym WHERE channel = :channel AND chat_key = :chatKey")
                            .bind("pseudonym", pseudonym)
                            .bind("channel", chat.get(0))
                            .bind("chatKey", chat.get(1))
                            .execute();
                }
                eraseChat(handle, chat.get(0), pseudonym);
            }
            handle.createUpdate("DELETE FROM channel_accounts WHERE customer_id = :id")
                    .bind("id", customerId)
                    .execute();
            int messages = handle.createUpdate("""
                            UPDATE messages SET text = NULL, buttons = NULL
                            WHERE customer_id = :id AND (text IS NOT NULL OR buttons IS NOT NULL)""").bind("id", customerId).execute();
            // Events keep their personal data apart (EventType.plainKeys); the column is also marked personal.
            int events = handle.createUpdate("""
                            UPDATE events SET personal = NULL WHERE customer_id = :id AND personal IS NOT NULL""").bind("id", customerId).execute();
            int featureRows = PersonalColumns.clear(handle, customerId);
            handle.createUpdate("DELETE FROM link_tokens WHERE customer_id = :id")
                    .bind("id", customerId)
                    .execute();
            handle.createUpdate("""
                            UPDATE customers SET name = NULL, phone = NULL, email = NULL, external_id = NULL,
                                   time_zone = NULL, erased_at = coalesce(erased_at, now())
                            WHERE id = :id OR merged_into = :id""").bind("id", customerId).execute();
            AuditLog.record(
                    handle,
                    actor,
                    "customers.erase",
                    customerId,
                    Map.of("chats", chats.size(), "messages", messages, "events", events, "feature_rows", featureRows));
            return new Erased(customerId, chats.size(), messages, events);
        });
    }

    /** The chat, already renamed to its pseudonym: what it said and what was sent to it. */
    private static void eraseChat(org.jdbi.v3.core.Handle handle, String channel, String pseudonym) {
        handle.createUpdate("""
                        UPDATE inbound_updates SET payload = NULL, raw_body = NULL,
                               status = CASE WHEN status = 'pending' THEN 'ignored' ELSE status END,
                               reason = CASE WHEN status = 'pending' THEN 'the customer was erased' ELSE reason END
                        WHERE channel = :channel AND chat_key = :pseudonym""")
                .bind("channel", channel)
                .bind("pseudonym", pseudonym)
                .execute();
        handle.createUpdate("""
                        UPDATE outbox SET reply = '{"erased": true}',
                               status = CASE WHEN status = 'pending' THEN 'skipped' ELSE status END
                        WHERE channel = :channel AND chat_key = :pseudonym""")
                .bind("channel", channel)
                .bind("pseudonym", pseudonym)
                .execute();
        handle.createUpdate("UPDATE conversations SET slots = '{}' WHERE channel = :channel AND chat_key = :pseudonym")
                .bind("channel", channel)
                .bind("pseudonym", pseudonym)
                .execute();
        // Events of the chat recorded before it had a customer (or under a record since merged).
        handle.createUpdate("UPDATE events SET personal = NULL WHERE channel = :channel AND chat_key = :pseudonym")
                .bind("channel", channel)
                .bind("pseudonym", pseudonym)
                .execute();
    }
}
