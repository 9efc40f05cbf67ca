package dev.rapport.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.channel.Content;
import dev.rapport.store.Json;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Reads {@code conversations} (written by {@link TurnEnd}). Stateless; thread-safe. */
final class ConversationStore {

    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, String>> SLOTS = new TypeReference<>() {};

    private ConversationStore() {}

    /** The chat's conversation (a new one when it has none) with its paused dialogue, in one query. */
    static Conversation load(Handle handle, String channel, String chatKey) {
        return loadAll(handle, List.of(channel), List.of(chatKey)).get(key(channel, chatKey));
    }

    /**
     * Several chats' conversations with their paused dialogues, in one query, by {@link #key}; a chat
     * without one gets a new one.
     */
    static Map<String, Conversation> loadAll(Handle handle, List<String> channels, List<String> chatKeys) {
        var loaded = new java.util.HashMap<String, Conversation>();
        handle.createQuery("""
                        SELECT chat.channel, chat.chat_key,
                               c.flow, c.step, c.slots::text AS slots, c.unknown_streak, c.escalation_reason,
                               c.updated_at, c.waiting_outreach::text AS waiting_outreach,
                               p.flow AS paused_flow, p.step AS paused_step, p.slots::text AS paused_slots,
                               p.paused_at, p.offered_at
                        FROM unnest(:channels, :chatKeys) AS chat(channel, chat_key)
                        LEFT JOIN conversations c ON c.channel = chat.channel AND c.chat_key = chat.chat_key
                        LEFT JOIN paused_dialogues p ON p.channel = chat.channel AND p.chat_key = chat.chat_key""")
                .bindArray("channels", String.class, channels.toArray())
                .bindArray("chatKeys", String.class, chatKeys.toArray())
                .map((rs, ctx) -> {
                    String channel = rs.getString("channel");
                    String chatKey = rs.getString("chat_key");
                    Conversation conversation;
                    if (rs.getTimestamp("updated_at") == null) {
                        conversation = new Conversation(channel, chatKey, null, null, Map.of(), 0);
                    } else {
                        conversation = new Conversation(
                                channel,
                                chatKey,
                                rs.getString("flow"),
                                rs.getString("step"),
                                readSlots(rs.getString("slots")),
                                rs.getInt("unknown_streak"));
                        conversation.escalationReason = rs.getString("escalation_reason");
                        conversation.lastActive = rs.getTimestamp("updated_at").toInstant();
                        conversation.waitingOutreach.addAll(readOutreach(rs.getString("waiting_outreach")));
                    }
                    conversation.paused = PausedDialogues.read(rs);
                    return conversation;
                })
                .forEach(conversation -> loaded.put(key(conversation.channel, conversation.chatKey), conversation));
        return loaded;
    }

    static String key(String channel, String chatKey) {
        return channel + "/" + chatKey;
    }

    /** One waiting outreach as stored: what {@link Content.Outreach} holds. */
    private record StoredOutreach(String key, String flow, Map<String, String> slots, boolean byStaff) {}

    private static List<Content.Outreach> readOutreach(String json) {
        if ("[]".equals(json)) {
            return List.of(); // nearly every turn: nothing waits
        }
        try {
            return JSON.readValue(json, new TypeReference<List<StoredOutreach>>() {}).stream()
                    .map(stored -> new Content.Outreach(stored.key(), stored.flow(), stored.slots(), stored.byStaff()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversations.waiting_outreach is not a list of outreach: " + json, e);
        }
    }

    static String writeOutreach(List<Content.Outreach> waiting) {
        if (waiting.isEmpty()) {
            return "[]";
        }
        try {
            return JSON.writeValueAsString(waiting.stream()
                    .map(outreach ->
                            new StoredOutreach(outreach.key(), outreach.flow(), outreach.slots(), outreach.byStaff()))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readSlots(String json) {
        if ("{}".equals(json)) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, SLOTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversations.slots is not a JSON object of strings: " + json, e);
        }
    }

    static String writeSlots(Map<String, String> slots) {
        if (slots.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(slots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
