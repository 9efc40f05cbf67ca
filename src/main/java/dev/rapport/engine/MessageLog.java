package dev.rapport.engine;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import org.jdbi.v3.core.Handle;

/**
 * The customer's message in the message log, in the turn's transaction; the replies are logged (and
 * queued) by {@link TurnEnd}. The row is fixed when the turn has read the message ({@link #inbound})
 * and written later: by {@link TurnEnd} with the batch's other rows, or earlier, alone
 * ({@link #write}), when something in the turn may read the log first. Stateless; thread-safe.
 */
final class MessageLog {

    private MessageLog() {}

    /** A customer's message as it is logged, with the turn's values from when it was read. */
    record Inbound(
            String channel,
            String chatKey,
            long customerId,
            long inboxId,
            String kind,
            String text,
            String fileRef,
            String flow,
            String step,
            String language,
            String intent,
            Double intentConfidence,
            String sentiment,
            Double sentimentScore,
            java.time.Instant sentAt) {}

    /** The turn's message as logged now: its customer, the conversation's flow and step before routing. */
    static Inbound inbound(Turn turn, Reading reading) {
        InboundMessage message = turn.message;
        return new Inbound(
                message.channel().code(),
                message.chatKey(),
                turn.customer().id(),
                turn.inboxId,
                kind(message.content()),
                text(message.content()),
                message.content() instanceof Content.Media media ? media.fileRef() : null,
                turn.conversation.flow,
                turn.conversation.step,
                reading.language() == null ? null : reading.language().code(),
                reading.intent(),
                reading.intentConfidence(),
                reading.sentiment(),
                reading.sentimentScore(),
                message.sentAt());
    }

    /** Writes one customer's message alone; returns its {@code messages} id. */
    static long write(Handle handle, Inbound row) {
        return handle.createQuery("""
                        INSERT INTO messages (direction, channel, chat_key, customer_id, inbound_update_id, kind, text,
                                              file_ref, flow, step, language, intent, intent_confidence, sentiment,
                                              sentiment_score, sent_at)
                        VALUES ('in', :channel, :chatKey, :customerId, :inboxId, :kind, :text, :fileRef, :flow, :step,
                                :language, :intent, :intentConfidence, :sentiment, :sentimentScore, :sentAt)
                        RETURNING id""")
                .bind("channel", row.channel())
                .bind("chatKey", row.chatKey())
                .bind("customerId", row.customerId())
                .bind("inboxId", row.inboxId())
                .bind("kind", row.kind())
                .bind("text", row.text())
                .bind("fileRef", row.fileRef())
                .bind("flow", row.flow())
                .bind("step", row.step())
                .bind("language", row.language())
                .bind("intent", row.intent())
                .bind("intentConfidence", row.intentConfidence())
                .bind("sentiment", row.sentiment())
                .bind("sentimentScore", row.sentimentScore())
                .bind("sentAt", java.sql.Timestamp.from(row.sentAt()))
                .mapTo(Long.class)
                .one();
    }

    static String kind(Content content) {
        if (content instanceof Content.Text) {
            return "text";
        } else if (content instanceof Content.Command) {
            return "command";
        } else if (content instanceof Content.ButtonPress) {
            return "button";
        } else if (content instanceof Content.SharedContact) {
            return "contact";
        } else if (content instanceof Content.Media media) {
            return media.kind();
        } else if (content instanceof Content.Edited) {
            return "edited";
        } else if (content instanceof Content.Outreach) {
            return "outreach";
        }
        return "membership";
    }

    static String text(Content content) {
        if (content instanceof Content.Text text) {
            return text.text();
        } else if (content instanceof Content.Command command) {
            return ("/" + command.name() + " " + command.argument()).strip();
        } else if (content instanceof Content.ButtonPress press) {
            return press.data();
        } else if (content instanceof Content.SharedContact contact) {
            return contact.phoneNumber();
        } else if (content instanceof Content.Media media) {
            return media.caption();
        } else if (content instanceof Content.Edited edited) {
            return edited.text();
        } else if (content instanceof Content.Membership membership) {
            return membership.blocked() ? "blocked" : "unblocked";
        } else if (content instanceof Content.Outreach outreach) {
            return outreach.key();
        }
        return null;
    }
}
