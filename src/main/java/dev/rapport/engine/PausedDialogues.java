package dev.rapport.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.store.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL on {@code paused_dialogues}: the dialogue a chat left for another, kept whole so it can be
 * resumed. One per chat; pausing another replaces it. Runs in the turn's transaction. The row is
 * read with the conversation ({@link ConversationStore#load}) and mirrored in
 * {@link Conversation#paused}, which every write here keeps current: a turn asks the database once.
 * Stateless; thread-safe.
 */
final class PausedDialogues {

    /** Where a left dialogue stood: its flow, the step waiting for an answer, and every slot. */
    record Paused(String flow, String step, Map<String, String> slots, Instant pausedAt, Instant offeredAt) {}

    private PausedDialogues() {}

    static Optional<Paused> find(Conversation conversation) {
        return Optional.ofNullable(conversation.paused);
    }

    /** The paused dialogue as {@link ConversationStore#load} read it (its {@code paused_*} columns), or null. */
    static Paused read(java.sql.ResultSet rs) throws java.sql.SQLException {
        String flow = rs.getString("paused_flow");
        if (flow == null) {
            return null;
        }
        java.sql.Timestamp offeredAt = rs.getTimestamp("offered_at");
        return new Paused(
                flow,
                rs.getString("paused_step"),
                slots(rs.getString("paused_slots")),
                rs.getTimestamp("paused_at").toInstant(),
                offeredAt == null ? null : offeredAt.toInstant());
    }

    static void pause(Handle handle, Conversation conversation, String flow, String step, Map<String, String> slots) {
        String channel = conversation.channel;
        String chatKey = conversation.chatKey;
        handle.createUpdate("""
                        INSERT INTO paused_dialogues (channel, chat_key, flow, step, slots)
                        VALUES (:channel, :chatKey, :flow, :step, CAST(:slots AS jsonb))
                        ON CONFLICT (channel, chat_key) DO UPDATE SET flow = excluded.flow, step = excluded.step,
                            slots = excluded.slots, paused_at = now(), offered_at = NULL""")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .bind("flow", flow)
                .bind("step", step)
                .bind("slots", Json.write(slots))
                .execute();
        conversation.paused = new Paused(
                flow, step, java.util.Collections.unmodifiableMap(new java.util.HashMap<>(slots)), Instant.now(), null);
    }

    static void offered(Handle handle, Conversation conversation) {
        handle.createUpdate(
                        "UPDATE paused_dialogues SET offered_at = now() WHERE channel = :channel AND chat_key = :chatKey")
                .bind("channel", conversation.channel)
                .bind("chatKey", conversation.chatKey)
                .execute();
        if (conversation.paused != null) {
            Paused paused = conversation.paused;
            conversation.paused =
                    new Paused(paused.flow(), paused.step(), paused.slots(), paused.pausedAt(), Instant.now());
        }
    }

    /** Forgets the chat's paused dialogue; nothing to do when it has none. */
    static void forget(Handle handle, Conversation conversation) {
        if (conversation.paused == null) {
            return;
        }
        handle.createUpdate("DELETE FROM paused_dialogues WHERE channel = :channel AND chat_key = :chatKey")
                .bind("channel", conversation.channel)
                .bind("chatKey", conversation.chatKey)
                .execute();
        conversation.paused = null;
    }

    /** Forgets the chat's paused dialogue if it is of {@code flow}. */
    static void forget(Handle handle, Conversation conversation, String flow) {
        if (conversation.paused != null && conversation.paused.flow().equals(flow)) {
            forget(handle, conversation);
        }
    }

    private static Map<String, String> slots(String json) {
        if ("{}".equals(json)) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("paused_dialogues.slots is not a JSON object of strings: " + json, e);
        }
    }
}
