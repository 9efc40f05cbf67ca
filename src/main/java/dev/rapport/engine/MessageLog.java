package dev.rapport.engine;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import org.jdbi.v3.core.Handle;

/**
 * Writes the customer's message to the message log, in the turn's transaction; the replies are
 * logged (and queued) by {@link TurnEnd}. Stateless; thread-safe.
 */
final class MessageLog {

    private MessageLog() {}

    /** Logs the customer's message; returns its {@code messages} id. */
    static long inbound(Handle handle, Turn turn, Reading reading) {
        InboundMessage message = turn.message;
        return handle.createQuery("""
                        INSERT INTO messages (direction, channel, chat_key, customer_id, inbound_update_id, kind, text,
                                              file_ref, flow, step, language, intent, intent_confidence, sentiment,
                                              sentiment_score, sent_at)
                        VALUES ('in', :channel, :chatKey, :customerId, :inboxId, :kind, :text, :fileRef, :flow, :step,
                                :language, :intent, :intentConfidence, :sentiment, :sentimentScore, :sentAt)
                        RETURNING id""")
                .bind("channel", message.channel())
                .bind("chatKey", message.chatKey())
                .bind("customerId", turn.customer().id())
                .bind("inboxId", turn.inboxId)
                .bind("kind", kind(message.content()))
                .bind("text", text(message.content()))
                .bind("fileRef", message.content() instanceof Content.Media media ? media.fileRef() : null)
                .bind("flow", turn.conversation.flow)
                .bind("step", turn.conversation.step)
                .bind("language", reading.language())
                .bind("intent", reading.intent())
                .bind("intentConfidence", reading.intentConfidence())
                .bind("sentiment", reading.sentiment())
                .bind("sentimentScore", reading.sentimentScore())
                .bind("sentAt", java.sql.Timestamp.from(message.sentAt()))
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
