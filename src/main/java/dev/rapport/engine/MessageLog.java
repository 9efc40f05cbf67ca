package dev.rapport.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.Reply;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.Outgoing;
import dev.rapport.store.Json;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes a turn's messages: the inbound one, and each reply both to the message log and to the
 * outbox, in the turn's transaction. Outbox keys derive from the stored update's id, so a turn
 * retried after a crash writes the same keys and nothing is sent twice. Stateless; thread-safe.
 */
final class MessageLog {

    private static final ObjectMapper JSON = Json.mapper();

    private MessageLog() {
    }

    /** Logs the customer's message; returns its {@code messages} id. */
    static long inbound(Handle handle, Turn turn, Reading reading) {
        InboundMessage message = turn.message;
        return handle.createQuery("""
                        INSERT INTO messages (direction, channel, chat_key, customer_id, inbound_update_id, kind, text,
                                              flow, step, language, intent, intent_confidence, sentiment,
                                              sentiment_score, sent_at)
                        VALUES ('in', :channel, :chatKey, :customerId, :inboxId, :kind, :text, :flow, :step,
                                :language, :intent, :intentConfidence, :sentiment, :sentimentScore, :sentAt)
                        RETURNING id""")
                .bind("channel", message.channel())
                .bind("chatKey", message.chatKey())
                .bind("customerId", turn.customer().id())
                .bind("inboxId", turn.inboxId)
                .bind("kind", kind(message.content()))
                .bind("text", text(message.content()))
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

    static void replies(Handle handle, Turn turn) {
        InboundMessage message = turn.message;
        List<Reply> replies = turn.replies;
        OfferedButtons.record(handle, message.channel().code(), message.chatKey(), replies);
        // An outreach turn (campaign, survey, win-back) waits behind replies to customers who are talking.
        Outgoing.Priority priority = message.content() instanceof Content.Outreach
                ? Outgoing.Priority.OUTREACH : Outgoing.Priority.REPLY;
        for (int index = 0; index < replies.size(); index++) {
            Reply reply = replies.get(index);
            Long messageId = reply instanceof Reply.Text text ? outbound(handle, turn, text) : null;
            // Keyed by the stored update, not the channel's update id, which a channel may reuse.
            String key = "in:" + turn.inboxId + ":" + index;
            Outbox.enqueue(handle, new Outgoing(key, message.channel().code(), message.chatKey(), messageId, reply,
                    priority));
        }
    }

    private static long outbound(Handle handle, Turn turn, Reply.Text reply) {
        return handle.createQuery("""
                        INSERT INTO messages (direction, channel, chat_key, customer_id, kind, text, buttons, flow, step,
                                              language)
                        VALUES ('out', :channel, :chatKey, :customerId, 'text', :text, CAST(:buttons AS jsonb), :flow,
                                :step, :language)
                        RETURNING id""")
                .bind("channel", turn.message.channel())
                .bind("chatKey", turn.message.chatKey())
                .bind("customerId", turn.customer().id())
                .bind("text", reply.text())
                .bind("buttons", reply.buttons().isEmpty() ? null : json(reply.buttons()))
                .bind("flow", turn.conversation.flow)
                .bind("step", turn.conversation.step)
                .bind("language", turn.language())
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
