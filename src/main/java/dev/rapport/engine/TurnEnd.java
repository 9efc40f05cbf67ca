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
 * Writes what turns leave behind — each conversation's state, the turns' events, the buttons their
 * replies offer, the customer's message (unless the turn wrote it already) and each text reply in
 * the message log, and every reply in the outbox — in one
 * statement for any number of turns (one round trip instead of one per kind of row, per reply and
 * per turn), in the caller's transaction. The turns must be of different chats ({@link TurnBatch}
 * writes before a chat's second turn).
 *
 * <p>Rows come out as separate statements per turn wrote them: events and outbox rows take their
 * ids in turn and list order (the outbox sends a chat's rows in id order), a turn's inbound message
 * is numbered before its replies, a text reply's log row is numbered before its outbox rows point
 * at it, outbox keys derive from the stored update ({@code in:<inbox id>:<n>}, so a retried turn
 * never queues a reply twice), an outreach turn's outbox rows wait behind replies (their priority,
 * V75), a button shown again has its time refreshed (at most once an hour: a menu under every
 * reply would otherwise rewrite its rows each turn; a button shown within the hour is passed over
 * before the insert, as {@code ON CONFLICT DO UPDATE} would lock its row, a WAL record each, even
 * when its condition then leaves the row alone), and a conversation that only put an outreach
 * in line keeps its time of last activity. Stateless; thread-safe.
 */
final class TurnEnd {

    private static final String SQL = """
            WITH state AS (
                SELECT * FROM unnest(:channels, :chatKeys, :customerIds, :flows, :steps, :slots, :updateIds,
                                     :streaks, :reasons, :waiting, :unmoved)
                     AS v(channel, chat_key, customer_id, flow, step, slots, update_id, unknown_streak,
                          escalation_reason, waiting_outreach, unmoved)),
            updated AS (
                UPDATE conversations c SET customer_id = v.customer_id, flow = v.flow, step = v.step,
                    slots = CAST(v.slots AS jsonb), last_update_id = v.update_id, unknown_streak = v.unknown_streak,
                    escalation_reason = v.escalation_reason,
                    escalation_signaled_at = CASE WHEN v.escalation_reason IS NULL THEN NULL
                                                  ELSE coalesce(c.escalation_signaled_at, now()) END,
                    waiting_outreach = CAST(v.waiting_outreach AS jsonb),
                    updated_at = CASE WHEN v.unmoved THEN c.updated_at ELSE now() END
                FROM state v
                WHERE c.channel = v.channel AND c.chat_key = v.chat_key),
            inserted AS (
                INSERT INTO conversations (channel, chat_key, customer_id, flow, step, slots, last_update_id,
                                           unknown_streak, escalation_reason, escalation_signaled_at,
                                           waiting_outreach, updated_at)
                SELECT v.channel, v.chat_key, v.customer_id, v.flow, v.step, CAST(v.slots AS jsonb), v.update_id,
                       v.unknown_streak, v.escalation_reason,
                       CASE WHEN v.escalation_reason IS NULL THEN NULL ELSE now() END,
                       CAST(v.waiting_outreach AS jsonb), now()
                FROM state v
                WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.channel = v.channel AND c.chat_key = v.chat_key)),
            noted AS (
                INSERT INTO events (type, channel, chat_key, customer_id, data, personal)
                SELECT e.type, e.channel, e.chat_key, e.customer_id, CAST(e.data AS jsonb), CAST(e.personal AS jsonb)
                FROM unnest(:eventTypes, :eventChannels, :eventChatKeys, :eventCustomerIds, :eventData, :eventPersonal)
                     WITH ORDINALITY AS e(type, channel, chat_key, customer_id, data, personal, ord)
                ORDER BY e.ord),
            offered AS (
                INSERT INTO offered_buttons (channel, chat_key, data)
                SELECT b.channel, b.chat_key, b.data FROM unnest(:buttonChannels, :buttonChatKeys, :buttonData)
                     AS b(channel, chat_key, data)
                WHERE coalesce((SELECT f.offered_at FROM offered_buttons f
                                WHERE f.channel = b.channel AND f.chat_key = b.chat_key AND f.data = b.data),
                               '-infinity') < now() - interval '1 hour'
                ON CONFLICT (channel, chat_key, data) DO UPDATE SET offered_at = now()
                    WHERE offered_buttons.offered_at < now() - interval '1 hour'),
            numbered AS MATERIALIZED (
                SELECT t.*, nextval('messages_id_seq') AS id   -- a constant: pg_get_serial_sequence read the catalog per row
                FROM unnest(:logReplies, :logDirections, :logChannels, :logChatKeys, :logCustomerIds, :logInboxIds,
                            :logKinds, :logTexts, :logButtons, :logFileRefs, :logFlows, :logSteps, :logLanguages,
                            :logIntents, :logConfidences, :logSentiments, :logScores, :logSentAt)
                     WITH ORDINALITY AS t(reply, direction, channel, chat_key, customer_id, inbound_update_id, kind,
                                          text, buttons, file_ref, flow, step, language, intent, intent_confidence,
                                          sentiment, sentiment_score, sent_at, ord)
                ORDER BY t.ord),
            logged AS (
                INSERT INTO messages (id, direction, channel, chat_key, customer_id, inbound_update_id, kind, text,
                                      buttons, file_ref, flow, step, language, intent, intent_confidence, sentiment,
                                      sentiment_score, sent_at)
                SELECT n.id, n.direction, n.channel, n.chat_key, n.customer_id, n.inbound_update_id, n.kind, n.text,
                       CAST(n.buttons AS jsonb), n.file_ref, n.flow, n.step, n.language, n.intent,
                       n.intent_confidence, n.sentiment, n.sentiment_score, CAST(n.sent_at AS timestamptz)
                FROM numbered n ORDER BY n.id),
            queued AS (
                INSERT INTO outbox (dedup_key, channel, chat_key, message_id, reply, priority)
                SELECT o.dedup_key, o.channel, o.chat_key, n.id, CAST(o.reply_json AS jsonb), o.priority
                FROM unnest(:partReplies, :partKeys, :partChannels, :partChatKeys, :partJson, :partPriorities)
                     WITH ORDINALITY AS o(reply, dedup_key, channel, chat_key, reply_json, priority, ord)
                LEFT JOIN numbered n ON n.reply = o.reply
                ORDER BY o.ord
                ON CONFLICT (dedup_key) DO NOTHING)
            SELECT 1""";

    private TurnEnd() {}

    /** An outreach turn's replies (campaign, survey, win-back) wait behind replies to customers who are talking. */
    private static Outgoing.Priority priority(Turn turn) {
        return turn.message.content() instanceof Content.Outreach
                ? Outgoing.Priority.OUTREACH
                : Outgoing.Priority.REPLY;
    }

    /** Arrays of one column each, filled turn by turn. */
    private static final class Columns {
        final List<List<Object>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        Object[] column(int index) {
            return columns.get(index).toArray();
        }
    }

    static void write(Handle handle, List<Turn> turns) {
        var state = new Columns(11);
        var events = new ArrayList<EventLog.Row>();
        var buttons = new Columns(3);
        var log = new Columns(18);
        var parts = new Columns(6);
        int replyNumber = 0;
        for (Turn turn : turns) {
            Conversation conversation = turn.conversation;
            String channel = turn.message.channel().code();
            String chatKey = turn.message.chatKey();
            long customerId = turn.customer().id();
            short priority = (short) priority(turn).ordinal();
            state.add(
                    channel,
                    chatKey,
                    customerId,
                    conversation.flow,
                    conversation.step,
                    ConversationStore.writeSlots(conversation.slots),
                    turn.message.updateId(),
                    conversation.unknownStreak,
                    conversation.escalationReason,
                    ConversationStore.writeOutreach(conversation.waitingOutreach),
                    conversation.unmoved);
            turn.events.stream().map(EventLog::row).forEach(events::add);
            MessageLog.Inbound inbound = turn.takeHeldInbound();
            if (inbound != null) { // numbered before the turn's replies, as it came before them
                log.add(
                        null,
                        "in",
                        inbound.channel(),
                        inbound.chatKey(),
                        inbound.customerId(),
                        inbound.inboxId(),
                        inbound.kind(),
                        inbound.text(),
                        null,
                        inbound.fileRef(),
                        inbound.flow(),
                        inbound.step(),
                        inbound.language(),
                        inbound.intent(),
                        inbound.intentConfidence(),
                        inbound.sentiment(),
                        inbound.sentimentScore(),
                        inbound.sentAt().toString());
            }
            Set<String> offered = new LinkedHashSet<>();
            for (int index = 0; index < turn.replies.size(); index++) {
                Reply reply = turn.replies.get(index);
                int number = replyNumber++;
                if (reply instanceof Reply.Text text) {
                    log.add(
                            number,
                            "out",
                            channel,
                            chatKey,
                            customerId,
                            null,
                            "text",
                            text.text(),
                            text.buttons().isEmpty() ? null : Json.write(text.buttons()),
                            null,
                            conversation.flow,
                            conversation.step,
                            turn.language().code(),
                            null,
                            null,
                            null,
                            null,
                            null);
                    text.buttons().stream()
                            .flatMap(List::stream)
                            .map(Button::data)
                            .forEach(offered::add);
                }
                // Keyed by the stored update, not the channel's update id, which a channel may reuse.
                String key = "in:" + turn.inboxId + ":" + index;
                for (Outbox.Part part : Outbox.parts(new Outgoing(key, channel, chatKey, null, reply))) {
                    parts.add(number, part.dedupKey(), channel, chatKey, part.replyJson(), priority);
                }
            }
            offered.forEach(data -> buttons.add(channel, chatKey, data));
        }
        handle.createQuery(SQL)
                .bindArray("channels", String.class, state.column(0))
                .bindArray("chatKeys", String.class, state.column(1))
                .bindArray("customerIds", Long.class, state.column(2))
                .bindArray("flows", String.class, state.column(3))
                .bindArray("steps", String.class, state.column(4))
                .bindArray("slots", String.class, state.column(5))
                .bindArray("updateIds", Long.class, state.column(6))
                .bindArray("streaks", Integer.class, state.column(7))
                .bindArray("reasons", String.class, state.column(8))
                .bindArray("waiting", String.class, state.column(9))
                .bindArray("unmoved", Boolean.class, state.column(10))
                .bindArray(
                        "eventTypes",
                        String.class,
                        events.stream().map(EventLog.Row::type).toArray())
                .bindArray(
                        "eventChannels",
                        String.class,
                        events.stream().map(EventLog.Row::channel).toArray())
                .bindArray(
                        "eventChatKeys",
                        String.class,
                        events.stream().map(EventLog.Row::chatKey).toArray())
                .bindArray(
                        "eventCustomerIds",
                        Long.class,
                        events.stream().map(EventLog.Row::customerId).toArray())
                .bindArray(
                        "eventData",
                        String.class,
                        events.stream().map(EventLog.Row::data).toArray())
                .bindArray(
                        "eventPersonal",
                        String.class,
                        events.stream().map(EventLog.Row::personal).toArray())
                .bindArray("buttonChannels", String.class, buttons.column(0))
                .bindArray("buttonChatKeys", String.class, buttons.column(1))
                .bindArray("buttonData", String.class, buttons.column(2))
                .bindArray("logReplies", Integer.class, log.column(0))
                .bindArray("logDirections", String.class, log.column(1))
                .bindArray("logChannels", String.class, log.column(2))
                .bindArray("logChatKeys", String.class, log.column(3))
                .bindArray("logCustomerIds", Long.class, log.column(4))
                .bindArray("logInboxIds", Long.class, log.column(5))
                .bindArray("logKinds", String.class, log.column(6))
                .bindArray("logTexts", String.class, log.column(7))
                .bindArray("logButtons", String.class, log.column(8))
                .bindArray("logFileRefs", String.class, log.column(9))
                .bindArray("logFlows", String.class, log.column(10))
                .bindArray("logSteps", String.class, log.column(11))
                .bindArray("logLanguages", String.class, log.column(12))
                .bindArray("logIntents", String.class, log.column(13))
                .bindArray("logConfidences", Double.class, log.column(14))
                .bindArray("logSentiments", String.class, log.column(15))
                .bindArray("logScores", Double.class, log.column(16))
                .bindArray("logSentAt", String.class, log.column(17))
                .bindArray("partReplies", Integer.class, parts.column(0))
                .bindArray("partKeys", String.class, parts.column(1))
                .bindArray("partChannels", String.class, parts.column(2))
                .bindArray("partChatKeys", String.class, parts.column(3))
                .bindArray("partJson", String.class, parts.column(4))
                .bindArray("partPriorities", Short.class, parts.column(5))
                .mapTo(Integer.class)
                .one();
    }
}
