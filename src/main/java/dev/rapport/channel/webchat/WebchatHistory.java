package dev.rapport.channel.webchat;

import dev.rapport.channel.Reply;
import dev.rapport.engine.ChatHistory;
import dev.rapport.outbox.OutboxReplies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * What the page shows, read through the engine's and the outbox's query methods: the recent
 * conversation, and one reply by its delivery key. An outbound message appears as its outbox rows
 * (one, or one per part of a long text), each with its dedup key — the key its live push carries —
 * so the page shows each reply once. Rows not yet sent are included. Stateless; thread-safe.
 */
final class WebchatHistory {

    private static final int RECENT = 50;

    /** An event for the page: its SSE name and its JSON data. */
    record Event(String name, Map<String, Object> data) {
    }

    private final Jdbi jdbi;

    WebchatHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The last messages of the chat, oldest first: {direction, key?, text, buttons}. */
    List<Map<String, Object>> recent(String chatKey) {
        return jdbi.withHandle(handle -> {
            List<ChatHistory.LoggedMessage> logged = ChatHistory.recent(handle, WebchatRoutes.CHANNEL, chatKey, RECENT);
            Map<Long, List<OutboxReplies.QueuedReply>> rows = OutboxReplies.forMessages(handle, logged.stream()
                            .filter(ChatHistory.LoggedMessage::outbound).map(ChatHistory.LoggedMessage::id).toList())
                    .stream().collect(Collectors.groupingBy(OutboxReplies.QueuedReply::messageId));
            List<Map<String, Object>> messages = new ArrayList<>();
            for (ChatHistory.LoggedMessage message : logged) {
                List<OutboxReplies.QueuedReply> parts = rows.getOrDefault(message.id(), List.of());
                if (parts.isEmpty()) {
                    messages.add(message(message.direction(), null, message.text(), message.buttons()));
                }
                for (OutboxReplies.QueuedReply part : parts) {
                    if (part.reply() instanceof Reply.Text text) {
                        messages.add(message("out", part.dedupKey(), text.text(), text.buttons()));
                    }
                }
            }
            return messages;
        });
    }

    /** The live event for the reply with this delivery key, if it is this chat's and shows anything. */
    Optional<Event> reply(String chatKey, String deliveryKey) {
        return jdbi.withHandle(handle -> OutboxReplies.find(handle, WebchatRoutes.CHANNEL, chatKey, deliveryKey))
                .flatMap(row -> {
                    if (row.reply() instanceof Reply.Text text) {
                        return Optional.of(new Event("message", message(null, row.dedupKey(), text.text(), text.buttons())));
                    }
                    if (row.reply() instanceof Reply.ButtonAnswer answer && answer.text() != null) {
                        return Optional.of(new Event("notice", message(null, row.dedupKey(), answer.text(), null)));
                    }
                    return Optional.empty();
                });
    }

    private static Map<String, Object> message(String direction, String key, String text, Object buttons) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (direction != null) {
            message.put("direction", direction);
        }
        if (key != null) {
            message.put("key", key);
        }
        message.put("text", text == null ? "" : text);
        if (buttons != null) {
            message.put("buttons", buttons);
        }
        return message;
    }
}
