package dev.rapport.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.channel.Content;
import dev.rapport.store.Json;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL on {@code conversations}. Stateless; thread-safe. */
final class ConversationStore {

    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, String>> SLOTS = new TypeReference<>() {
    };

    private ConversationStore() {
    }

    static Conversation load(Handle handle, String channel, String chatKey) {
        return handle.createQuery("""
                        SELECT flow, step, slots::text AS slots, unknown_streak, escalation_reason, updated_at,
                               waiting_outreach::text AS waiting_outreach
                        FROM conversations
                        WHERE channel = :channel AND chat_key = :chatKey""")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .map((rs, ctx) -> {
                    var conversation = new Conversation(channel, chatKey, rs.getString("flow"), rs.getString("step"),
                            readSlots(rs.getString("slots")), rs.getInt("unknown_streak"));
                    conversation.escalationReason = rs.getString("escalation_reason");
                    conversation.lastActive = rs.getTimestamp("updated_at").toInstant();
                    conversation.waitingOutreach.addAll(readOutreach(rs.getString("waiting_outreach")));
                    return conversation;
                })
                .findOne()
                .orElseGet(() -> new Conversation(channel, chatKey, null, null, Map.of(), 0));
    }

    static void save(Handle handle, Conversation conversation, long customerId, long updateId) {
        handle.createUpdate("""
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
                            updated_at = CASE WHEN :unmoved THEN conversations.updated_at ELSE excluded.updated_at END""")
                .bind("channel", conversation.channel)
                .bind("chatKey", conversation.chatKey)
                .bind("customerId", customerId)
                .bind("flow", conversation.flow)
                .bind("step", conversation.step)
                .bind("slots", writeSlots(conversation.slots))
                .bind("updateId", updateId)
                .bind("unknownStreak", conversation.unknownStreak)
                .bind("escalationReason", conversation.escalationReason)
                .bind("waitingOutreach", writeOutreach(conversation.waitingOutreach))
                .bind("unmoved", conversation.unmoved)
                .execute();
    }

    /** One waiting outreach as stored: what {@link Content.Outreach} holds. */
    private record StoredOutreach(String key, String flow, Map<String, String> slots, boolean byStaff) {
    }

    private static List<Content.Outreach> readOutreach(String json) {
        if ("[]".equals(json)) {
            return List.of();   // nearly every turn: nothing waits
        }
        try {
            return JSON.readValue(json, new TypeReference<List<StoredOutreach>>() {
            }).stream().map(stored -> new Content.Outreach(stored.key(), stored.flow(), stored.slots(), stored.byStaff())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversations.waiting_outreach is not a list of outreach: " + json, e);
        }
    }

    private static String writeOutreach(List<Content.Outreach> waiting) {
        if (waiting.isEmpty()) {
            return "[]";
        }
        try {
            return JSON.writeValueAsString(waiting.stream()
                    .map(outreach -> new StoredOutreach(outreach.key(), outreach.flow(), outreach.slots(), outreach.byStaff())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readSlots(String json) {
        try {
            return JSON.readValue(json, SLOTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversations.slots is not a JSON object of strings: " + json, e);
        }
    }

    private static String writeSlots(Map<String, String> slots) {
        try {
            return JSON.writeValueAsString(slots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
