package dev.rapport.channel.webchat;

import dev.rapport.channel.Button;
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
    record Event(String name, Map<String, Object> data) {}

    private final Jdbi jdbi;

    WebchatHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Up to {@value #RECENT} logged messages of the chat, oldest first, and {@code earlier}: the id to
     * ask for the ones before them with, or null when there are none.
     */
    record Page(List<Map<String, Object>> messages, Long earlier) {}

    /** The last messages of the chat (see {@link #page}). */
    Page recent(String chatKey) {
        return page(chatKey, Long.MAX_VALUE);
    }

    /**
     * The last messages before the logged message {@code beforeId}, oldest first, as
     * {direction, key?, text, buttons, menu?, start?} ({@code start}: the chat was opened here, with
     * its text left out). A long reply sent in parts is one logged message, so a page never splits it.
     */
    Page page(String chatKey, long beforeId) {
        return jdbi.withHandle(handle -> {
            List<ChatHistory.LoggedMessage> logged =
                    new ArrayList<>(ChatHistory.before(handle, WebchatRoutes.CHANNEL, chatKey, beforeId, RECENT + 1));
            boolean more = logged.size() > RECENT;
            if (more) {
                logged.remove(0);
            }
            Long earlier = more ? logged.get(0).id() : null;
            Map<Long, List<OutboxReplies.QueuedReply>> rows = OutboxReplies.forMessages(
                            handle,
                            logged.stream()
                                    .filter(ChatHistory.LoggedMessage::outbound)
                                    .map(ChatHistory.LoggedMessage::id)
                                    .toList())
                    .stream()
                    .collect(Collectors.groupingBy(OutboxReplies.QueuedReply::messageId));
            List<Map<String, Object>> messages = new ArrayList<>();
            for (ChatHistory.LoggedMessage message : logged) {
                if (!message.outbound() && isStart(message.text())) {
                    // The page sent it to open the chat and never shows it (a personal link's token is
                    // not for the screen): the greeting it got is shown instead.
                    Map<String, Object> start = message("in", null, "", null);
                    start.put("start", true);
                    messages.add(start);
                    continue;
                }
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
            return new Page(messages, earlier);
        });
    }

    /**
     * The chat's details for the page: {language?, earlier?} — the language the conversation is in
     * ("en" or "zh", as the customer chose with /language or as first seen; absent before the first
     * message) and the id to fetch the messages before the recent ones with (absent: none).
     */
    Map<String, Object> chat(String chatKey, Long earlier) {
        Map<String, Object> chat = new LinkedHashMap<>();
        language(chatKey).ifPresent(language -> chat.put("language", language));
        if (earlier != null) {
            chat.put("earlier", earlier);
        }
        return chat;
    }

    private Optional<String> language(String chatKey) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.language FROM channel_accounts a JOIN customers c ON c.id = a.customer_id
                        WHERE a.channel = :channel AND a.chat_key = :chatKey""")
                        .bind("channel", WebchatRoutes.CHANNEL)
                        .bind("chatKey", chatKey)
                        .mapTo(String.class)
                        .findOne())
                .map(language -> language.toLowerCase(java.util.Locale.ROOT));
    }

    /** The live event for the reply with this delivery key, if it is this chat's and shows anything. */
    Optional<Event> reply(String chatKey, String deliveryKey) {
        return jdbi.withHandle(handle -> OutboxReplies.find(handle, WebchatRoutes.CHANNEL, chatKey, deliveryKey))
                .flatMap(row -> {
                    if (row.reply() instanceof Reply.Text text) {
                        Map<String, Object> message = message(null, row.dedupKey(), text.text(), text.buttons());
                        language(chatKey).ifPresent(language -> message.put("language", language));
                        return Optional.of(new Event("message", message));
                    }
                    if (row.reply() instanceof Reply.ButtonAnswer answer && answer.text() != null) {
                        return Optional.of(new Event("notice", message(null, row.dedupKey(), answer.text(), null)));
                    }
                    return Optional.empty();
                });
    }

    /**
     * True when every button starts a flow ({@code go:<flow>}): the main menu, which the page shows
     * under the newest reply only instead of repeating it under every answer.
     */
    static boolean isMenu(Object buttons) {
        if (!(buttons instanceof List<?> rows) || rows.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (Object row : rows) {
            for (Object button : (List<?>) row) {
                if (!(button instanceof Button b)
                        || b.data() == null
                        || !b.data().startsWith("go:")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** {@code /start} or {@code /start <token>}: what the page posts to open a chat (a personal link's token). */
    static boolean isStart(String text) {
        return text != null && (text.equals("/start") || text.startsWith("/start "));
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
            if (isMenu(buttons)) {
                message.put("menu", true);
            }
        }
        return message;
    }
}
