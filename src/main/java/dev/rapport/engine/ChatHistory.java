package dev.rapport.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.channel.Button;
import dev.rapport.store.Json;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What a chat's own pages may show of the message log the engine writes: the recent text messages in
 * and out of one chat. The log's table stays the engine's; a channel asks here. Stateless; thread-safe.
 */
public final class ChatHistory {

    /** One logged message; {@code buttons} is empty for inbound messages. */
    public record LoggedMessage(long id, String direction, String text, List<List<Button>> buttons) {
        public boolean outbound() {
            return "out".equals(direction);
        }
    }

    private static final TypeReference<List<List<Button>>> BUTTONS = new TypeReference<>() {};

    private ChatHistory() {}

    /** The last {@code limit} text messages and commands of the chat, oldest first. */
    public static List<LoggedMessage> recent(Handle handle, String channel, String chatKey, int limit) {
        return before(handle, channel, chatKey, Long.MAX_VALUE, limit);
    }

    /**
     * The last {@code limit} text messages, commands and files of the chat with an id below {@code beforeId},
     * oldest first. A file is shown as a paper clip and its caption.
     */
    public static List<LoggedMessage> before(Handle handle, String channel, String chatKey, long beforeId, int limit) {
        return handle.createQuery("""
                        SELECT id, direction, CASE WHEN file_ref IS NULL THEN coalesce(text, '')
                                                   ELSE rtrim('📎 ' || coalesce(text, '')) END AS text,
                               buttons::text AS buttons FROM (
                            SELECT id, direction, text, buttons, file_ref FROM messages
                            WHERE channel = :channel AND chat_key = :chatKey
                              AND (kind IN ('text', 'command') OR file_ref IS NOT NULL)
                              AND id < :beforeId
                            ORDER BY id DESC LIMIT :limit) AS recent
                        ORDER BY id""")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .bind("beforeId", beforeId)
                .bind("limit", limit)
                .map((rs, ctx) -> new LoggedMessage(
                        rs.getLong("id"),
                        rs.getString("direction"),
                        rs.getString("text"),
                        buttons(rs.getString("buttons"))))
                .list();
    }

    private static List<List<Button>> buttons(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, BUTTONS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("messages.buttons is not a list of button rows: " + json, e);
        }
    }
}
