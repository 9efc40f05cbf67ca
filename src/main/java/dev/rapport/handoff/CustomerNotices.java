package dev.rapport.handoff;

import dev.rapport.channel.Reply;
import dev.rapport.domain.StaffRef;
import dev.rapport.flow.Messages;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.Outgoing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes what the handoff feature sends outside a turn — staff replies, the bot's "I'm back", a
 * reminder that a person is coming — to {@code messages} and the outbox in the caller's
 * transaction, so it goes out with the same rate limits, retries and dedup as every reply.
 * Stateless apart from immutable texts; thread-safe.
 */
final class CustomerNotices {

    private final Messages messages;
    private final String businessName;

    CustomerNotices(Messages messages, String businessName) {
        this.messages = messages;
        this.businessName = businessName;
    }

    /** The text of {@code key} in the handoff customer's language, with {@code name} and {@code business} filled. */
    String text(HandoffDetail handoff, String key, Map<String, ?> vars) {
        var all = new HashMap<String, Object>(vars);
        String language = handoff.language().code();
        String name = handoff.customerName();
        all.put(
                "name",
                name == null || name.isBlank() ? messages.text(language, "engine.customer_name_fallback") : name);
        all.put("business", businessName);
        return messages.text(language, key, all);
    }

    /** Sends message {@code key} as the bot; {@code dedupKey} makes a repeated call send nothing more. */
    long bot(Handle handle, HandoffDetail handoff, String key, Map<String, ?> vars, String dedupKey) {
        return send(handle, handoff, text(handoff, key, vars), null, dedupKey);
    }

    /**
     * Sends a staff member's text as written; the message is logged with them. {@code replyTo} is the
     * channel's id of the customer message it answers, or null.
     */
    long staff(Handle handle, HandoffDetail handoff, StaffRef staff, String text, String replyTo) {
        return send(handle, handoff, text, staff, null, replyTo);
    }

    private long send(Handle handle, HandoffDetail handoff, String text, StaffRef staff, String dedupKey) {
        return send(handle, handoff, text, staff, dedupKey, null);
    }

    private long send(
            Handle handle, HandoffDetail handoff, String text, StaffRef staff, String dedupKey, String replyTo) {
        long messageId = handle.createQuery("""
                        INSERT INTO messages (direction, channel, chat_key, customer_id, kind, text, language,
                                              staff_id, staff_name, handoff_id)
                        VALUES ('out', :channel, :chatKey, :customerId, 'text', :text, :language, :staffId,
                                :staffName, :handoffId)
                        RETURNING id""")
                .bind("channel", handoff.channel().code())
                .bind("chatKey", handoff.chatKey())
                .bind("customerId", handoff.customerId())
                .bind("text", text)
                .bind("language", handoff.language().code())
                .bind("staffId", staff == null ? null : staff.id())
                .bind("staffName", staff == null ? null : staff.name())
                .bind("handoffId", handoff.id())
                .mapTo(Long.class)
                .one();
        // A staff reply is keyed by its own message row: each reply is sent once, however often the send is retried.
        Outbox.enqueue(
                handle,
                new Outgoing(
                        dedupKey == null ? "message:" + messageId : dedupKey,
                        handoff.channel().code(),
                        handoff.chatKey(),
                        messageId,
                        new Reply.Text(text, List.of(), replyTo)));
        return messageId;
    }
}
