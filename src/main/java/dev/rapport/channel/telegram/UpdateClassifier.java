package dev.rapport.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.inbox.NewUpdate;
import dev.rapport.inbox.UpdateStatus;
import dev.rapport.store.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads just enough of a webhook body to file it: its {@code update_id}, its chat and its type.
 * Tolerant on purpose — it reads the JSON tree, not TelegramBots' strict types, so older or partial
 * shapes are kept and explained rather than lost. Stateless; thread-safe.
 */
final class UpdateClassifier {

    static final String CHANNEL = "telegram";

    /** The update types Rapport acts on, in the order they are looked for. */
    static final List<String> HANDLED = List.of("message", "callback_query", "edited_message", "my_chat_member");

    /** Every other type Telegram documents: stored and ignored, with the type named. */
    private static final List<String> KNOWN = List.of(
            "channel_post",
            "edited_channel_post",
            "business_connection",
            "business_message",
            "edited_business_message",
            "deleted_business_messages",
            "message_reaction",
            "message_reaction_count",
            "inline_query",
            "chosen_inline_result",
            "shipping_query",
            "pre_checkout_query",
            "purchased_paid_media",
            "poll",
            "poll_answer",
            "chat_member",
            "chat_join_request",
            "chat_boost",
            "removed_chat_boost");

    private static final ObjectMapper JSON = Json.mapper();

    private UpdateClassifier() {}

    static NewUpdate classify(byte[] body) {
        return classify(body, "");
    }

    /**
     * As {@link #classify(byte[])}; updates from the staff group {@code staffGroupId} (empty: none) are
     * filed under {@link StaffGroupDecoder#CHANNEL}, to be handled by the staff group, never the engine.
     */
    static NewUpdate classify(byte[] body, String staffGroupId) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            return rejected(null, null, storableText(text), "body is not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return rejected(null, null, storableText(text), "body is not a JSON object");
        }
        String payload = text;
        JsonNode updateId = root.get("update_id");
        if (updateId == null || !updateId.canConvertToLong() || !updateId.isIntegralNumber()) {
            return rejected(null, payload, null, "update_id is missing or not an integer");
        }
        long id = updateId.asLong();
        String kind = HANDLED.stream()
                .filter(root::has)
                .findFirst()
                .orElseGet(() -> KNOWN.stream().filter(root::has).findFirst().orElse(null));
        if (kind == null) {
            return NewUpdate.settled(
                    CHANNEL,
                    id,
                    null,
                    unknownKind(root),
                    payload,
                    null,
                    UpdateStatus.IGNORED,
                    "update type not handled: " + unknownKind(root));
        }
        if (!HANDLED.contains(kind)) {
            return NewUpdate.settled(
                    CHANNEL, id, null, kind, payload, null, UpdateStatus.IGNORED, "update type not handled: " + kind);
        }
        JsonNode chat = chatOf(root.get(kind));
        String chatType = chat.path("type").asText("private");
        JsonNode chatId =
                chat.has("id") ? chat.get("id") : root.get(kind).path("from").get("id");
        if (chatId != null && !isTelegramId(chatId)) {
            // A chat id Rapport could never answer (an object, a string, 1e400): kept and explained, never a turn.
            return rejectedChat(
                    id,
                    payload,
                    kind,
                    (chat.has("id") ? "chat.id" : "from.id") + " is not an integer Telegram could have sent: "
                            + describe(chatId));
        }
        String chatKey = chatId == null ? null : chatId.asText();
        if (chatKey == null) {
            return NewUpdate.settled(
                    CHANNEL, id, null, kind, payload, null, UpdateStatus.IGNORED, kind + " without a chat or a sender");
        }
        if (!staffGroupId.isEmpty() && staffGroupId.equals(chatKey) && !"callback_query".equals(kind)) {
            return new NewUpdate(
                    StaffGroupDecoder.CHANNEL, id, chatKey, kind, payload, null, UpdateStatus.PENDING, null);
        }
        if (!"private".equals(chatType)) {
            return NewUpdate.settled(
                    CHANNEL,
                    id,
                    chatKey,
                    kind,
                    payload,
                    null,
                    UpdateStatus.IGNORED,
                    "not a private chat (" + chatType + "): Rapport talks with customers one to one");
        }
        return new NewUpdate(CHANNEL, id, chatKey, kind, payload, null, UpdateStatus.PENDING, null);
    }

    /** The chat an update belongs to: the message's chat, or for a button press the chat of its message. */
    static JsonNode chatOf(JsonNode update) {
        if (update.has("chat")) {
            return update.get("chat");
        }
        return update.path("message").path("chat");
    }

    /** Telegram's ids are integers of up to 52 bits; anything else is not from Telegram. */
    private static boolean isTelegramId(JsonNode id) {
        return id.isIntegralNumber() && id.canConvertToLong();
    }

    private static String describe(JsonNode value) {
        String type = value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        String text = value.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    private static String unknownKind(JsonNode root) {
        var names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!"update_id".equals(name)) {
                return name;
            }
        }
        return "(empty)";
    }

    private static NewUpdate rejected(Long updateId, String payload, String raw, String reason) {
        return NewUpdate.settled(CHANNEL, updateId, null, null, payload, raw, UpdateStatus.REJECTED, reason);
    }

    private static NewUpdate rejectedChat(long updateId, String payload, String kind, String reason) {
        return NewUpdate.settled(CHANNEL, updateId, null, kind, payload, null, UpdateStatus.REJECTED, reason);
    }

    /** PostgreSQL's text cannot hold NUL characters. */
    private static String storableText(String text) {
        return text.indexOf('\0') >= 0 ? text.replace('\0', '\uFFFD') : text;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
