package dev.rapport.engine;

import dev.rapport.channel.Button;
import dev.rapport.channel.Content;
import dev.rapport.channel.Reply;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.Outgoing;
import dev.rapport.store.EventLog;
import dev.rapport.store.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Writes what a turn leaves behind — the conversation's state, the turn's events, the buttons its
 * replies offer, each text reply in the message log and every reply in the outbox — in one
 * statement (one round trip instead of one per kind of row and per reply), in the turn's
 * transaction, after everything else the turn did.
 *
 * <p>Rows come out as the separate statements wrote them: events and outbox rows take their ids in
 * list order (the outbox sends a chat's rows in id order), a text reply's log row is numbered before
 * its outbox rows point at it, an outreach turn's outbox rows wait behind replies (V75), outbox keys derive from the stored update ({@code in:<inbox id>:<n>},
 * so a retried turn never queues a reply twice), and a button shown again has its time refreshed.
 * Stateless; thread-safe.
 */
final class TurnEnd {

    private static final String SQL = """
            WITH saved AS (
                INSERT INTO conversations (channel, chat_key, customer_id, flow, step, slots, last_update_id,
                                           unknown_streak, escalation_reason, escalation_signaled_at,
                                           waiting_outreach, updated_at)
                VALUES (:channel, :chatKey, :customerId, :flow, :step, CAST(:slots AS jsonb), :updateId,
                        :unknownStreak, :escalationReason,
                        CASE WHEN :escalationReason::text IS NULL THEN NULL ELSE now() END,
                        CAST(:waitingOutreach AS jsonb), now())
                ON CONFLICT (channel, chat_key) DO UPDATE SET
                    customer_id = excluded.customer_id, flow = excluded.flow, step = excluded.step,
                    slots = excluded.slots, last_update_id = excluded.last_update_id,
                    unknown_streak = excluded.unknown_streak, escalation_reason = excluded.escalation_reason,
                    escalation_signaled_at = CASE
                        WHEN excluded.escalation_reason IS NULL THEN NULL
                        ELSE coalesce(conversations.escalation_signaled_at, excluded.escalation_signaled_at) END,
                    waiting_outreach = excluded.waiting_outreach,
                    updated_at = CASE WHEN :unmoved THEN conversations.updated_at ELSE excluded.updated_at END),
            noted AS (
                INSERT INTO events (type, channel, chat_key, customer_id, data, personal)
                SELECT e.type, e.channel, e.chat_key, e.customer_id, CAST(e.data AS jsonb), CAST(e.personal AS jsonb)
                FROM unnest(:eventTypes, :eventChannels, :eventChatKeys, :eventCustomerIds, :eventData, :eventPersonal)
                     WITH ORDINALITY AS e(type, channel, chat_key, customer_id, data, personal, ord)
                ORDER BY e.ord),
            offered AS (
                INSERT INTO offered_buttons (channel, chat_key, data)
                SELECT :channel, :chatKey, b.data FROM unnest(:buttonData) AS b(data)
                ON CONFLICT (channel, chat_key, data) DO UPDATE SET offered_at = now()),
            numbered AS MATERIALIZED (
                SELECT t.reply_index, t.text, t.buttons, nextval(pg_get_serial_sequence('messages', 'id')) AS id
                FROM unnest(:textReplies, :texts, :textButtons) WITH ORDINALITY AS t(reply_index, text, buttons, ord)
                ORDER BY t.ord),
            logged AS (
                INSERT INTO messages (id, direction, channel, chat_key, customer_id, kind, text, buttons, flow, step,
                                      language)
                SELECT n.id, 'out', :channel, :chatKey, :customerId, 'text', n.text, CAST(n.buttons AS jsonb), :flow,
                       :step, :language
                FROM numbered n ORDER BY n.id),
            queued AS (
                INSERT INTO outbox (dedup_key, channel, chat_key, message_id, reply, priority)
                SELECT o.dedup_key, :channel, :chatKey, n.id, CAST(o.reply AS jsonb), :priority
                FROM unnest(:partReplies, :partKeys, :partJson) WITH ORDINALITY AS o(reply_index, dedup_key, reply, ord)
                LEFT JOIN numbered n ON n.reply_index = o.reply_index
                ORDER BY o.ord
                ON CONFLICT (dedup_key) DO NOTHING)
            SELECT 1""";

    private TurnEnd() {
    }

    /** An outreach turn's replies (campaign, survey, win-back) wait behind replies to customers who are talking. */
    private static Outgoing.Priority priority(Turn turn) {
        return turn.message.content() instanceof Content.Outreach ? Outgoing.Priority.OUTREACH : Outgoing.Priority.REPLY;
    }

    static void write(Handle handle, Turn turn) {
        Conversation conversation = turn.conversation;
        String channel = turn.message.channel().code();
        String chatKey = turn.message.chatKey();
        var events = turn.events.stream().map(EventLog::row).toList();
        var textReplies = new ArrayList<Integer>();
        var texts = new ArrayList<String>();
        var textButtons = new ArrayList<String>();
        var partReplies = new ArrayList<Integer>();
        var partKeys = new ArrayList<String>();
        var partJson = new ArrayList<String>();
        Set<String> buttonData = new LinkedHashSet<>();
        for (int index = 0; index < turn.replies.size(); index++) {
            Reply reply = turn.replies.get(index);
            if (reply instanceof Reply.Text text) {
                textReplies.add(index);
                texts.add(text.text());
                textButtons.add(text.buttons().isEmpty() ? null : Json.write(text.buttons()));
                text.buttons().stream().flatMap(List::stream).map(Button::data).forEach(buttonData::add);
            }
            // Keyed by the stored update, not the channel's update id, which a channel may reuse.
            String key = "in:" + turn.inboxId + ":" + index;
            for (Outbox.Part part : Outbox.parts(new Outgoing(key, channel, chatKey, null, reply))) {
                partReplies.add(index);
                partKeys.add(part.dedupKey());
                partJson.add(part.replyJson());
            }
        }
        handle.createQuery(SQL)
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .bind("customerId", turn.customer().id())
                .bind("flow", conversation.flow)
                .bind("step", conversation.step)
                .bind("slots", ConversationStore.writeSlots(conversation.slots))
                .bind("updateId", turn.message.updateId())
                .bind("unknownStreak", conversation.unknownStreak)
                .bind("escalationReason", conversation.escalationReason)
                .bind("waitingOutreach", ConversationStore.writeOutreach(conversation.waitingOutreach))
                .bind("unmoved", conversation.unmoved)
                .bind("language", turn.language())
                .bind("priority", (short) priority(turn).ordinal())
                .bindArray("eventTypes", String.class, events.stream().map(EventLog.Row::type).toArray())
                .bindArray("eventChannels", String.class, events.stream().map(EventLog.Row::channel).toArray())
                .bindArray("eventChatKeys", String.class, events.stream().map(EventLog.Row::chatKey).toArray())
                .bindArray("eventCustomerIds", Long.class, events.stream().map(EventLog.Row::customerId).toArray())
                .bindArray("eventData", String.class, events.stream().map(EventLog.Row::data).toArray())
                .bindArray("eventPersonal", String.class, events.stream().map(EventLog.Row::personal).toArray())
                .bindArray("buttonData", String.class, buttonData.toArray())
                .bindArray("textReplies", Integer.class, textReplies.toArray())
                .bindArray("texts", String.class, texts.toArray())
                .bindArray("textButtons", String.class, textButtons.toArray())
                .bindArray("partReplies", Integer.class, partReplies.toArray())
                .bindArray("partKeys", String.class, partKeys.toArray())
                .bindArray("partJson", String.class, partJson.toArray())
                .mapTo(Integer.class)
                .one();
    }
}
