package dev.rapport.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.store.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL on {@code paused_dialogues}: the dialogue a chat left for another, kept whole so it can be
 * resumed. One per chat; pausing another replaces it. Runs in the turn's transaction. Stateless;
 * thread-safe.
 */
final class PausedDialogues {

    /** Where a left dialogue stood: its flow, the step waiting for an answer, and every slot. */
    record Paused(String flow, String step, Map<String, String> slots, Instant pausedAt, Instant offeredAt) {
    }

    private PausedDialogues() {
    }

    static Optional<Paused> find(Handle handle, String channel, String chatKey) {
        return handle.createQuery("""
                        SELECT flow, step, slots::text AS slots, paused_at, offered_at FROM paused_dialogues
                        WHERE channel = :channel AND chat_key = :chatKey""")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .map((rs, ctx) -> new Paused(rs.getString("flow"), rs.getString("step"), slots(rs.getString("slots")),
                        rs.getTimestamp("paused_at").toInstant(),
                        rs.getTimestamp("offered_at") == null ? null : rs.getTimestamp("offered_at").toInstant()))
                .findOne();
    }

    static void pause(Handle handle, String channel, String chatKey, String flow, String step, Map<String, String> slots) {
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
    }

    static void offered(Handle handle, String channel, String chatKey) {
        handle.createUpdate("UPDATE paused_dialogues SET offered_at = now() WHERE channel = :channel AND chat_key = :chatKey")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .execute();
    }

    static void forget(Handle handle, String channel, String chatKey) {
        handle.createUpdate("DELETE FROM paused_dialogues WHERE channel = :channel AND chat_key = :chatKey")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .execute();
    }

    private static Map<String, String> slots(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("paused_dialogues.slots is not a JSON object of strings: " + json, e);
        }
    }
}
