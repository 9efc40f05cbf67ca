package dev.rapport.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.Texts;
import dev.rapport.inbox.UpdateDecoder;
import dev.rapport.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Turns a stored Telegram update into an {@link InboundMessage}. Reads the JSON tree rather than
 * TelegramBots' strict types so that older shapes (no {@code is_bot}, no {@code first_name}) are
 * still understood. Stateless; thread-safe.
 */
public final class TelegramDecoder implements UpdateDecoder {

    private static final ObjectMapper JSON = Json.mapper();
    /**
     * Media a customer can send, in the order they are looked for: the one list of Telegram's media
     * fields (the staff group's posts are read with it too, see {@link StaffGroupUpdates}).
     */
    static final List<String> MEDIA = List.of(
            "photo",
            "document",
            "video",
            "voice",
            "audio",
            "video_note",
            "animation",
            "sticker",
            "location",
            "venue",
            "poll",
            "dice");

    @Override
    public String channel() {
        return UpdateClassifier.CHANNEL;
    }

    @Override
    public Decoded decode(long updateId, String chatKey, String payload) {
        JsonNode root = read(payload);
        if (root.has("message")) {
            return message(updateId, chatKey, root.get("message"));
        }
        if (root.has("callback_query")) {
            JsonNode query = root.get("callback_query");
            String messageRef = query.path("message").has("message_id")
                    ? query.path("message").get("message_id").asText()
                    : null;
            var press = new Content.ButtonPress(
                    query.path("data").asText(""), query.path("id").asText(), messageRef);
            return inbound(updateId, chatKey, query.path("from"), press, Instant.now());
        }
        if (root.has("edited_message")) {
            JsonNode edited = root.get("edited_message");
            var content = new Content.Edited(
                    edited.path("text").asText(edited.path("caption").asText("")));
            return inbound(updateId, chatKey, edited.path("from"), content, sentAt(edited));
        }
        if (root.has("my_chat_member")) {
            JsonNode member = root.get("my_chat_member");
            String status = member.path("new_chat_member").path("status").asText();
            var content = new Content.Membership("kicked".equals(status) || "left".equals(status));
            return inbound(updateId, chatKey, member.path("from"), content, sentAt(member));
        }
        return new Decoded.Ignore("no handled update type in the payload");
    }

    private static Decoded message(long updateId, String chatKey, JsonNode message) {
        JsonNode from = message.has("from") ? message.get("from") : message.path("chat");
        Content content = content(message);
        if (content == null) {
            return new Decoded.Ignore("message carries nothing Rapport answers (service message)");
        }
        return inbound(updateId, chatKey, from, content, sentAt(message));
    }

    private static Content content(JsonNode message) {
        if (message.has("text")) {
            return Texts.read(message.get("text").asText());
        }
        if (message.has("contact")) {
            JsonNode contact = message.get("contact");
            return new Content.SharedContact(
                    contact.path("phone_number").asText(),
                    contact.has("user_id") ? contact.get("user_id").asText() : null);
        }
        for (String kind : MEDIA) {
            if (message.has(kind)) {
                return new Content.Media(
                        kind,
                        fileRef(message.get(kind)),
                        message.has("caption") ? message.get("caption").asText() : null);
            }
        }
        return null;
    }

    /** The file id of a media item; for photos, the largest size (the last one Telegram lists). */
    private static String fileRef(JsonNode media) {
        JsonNode item = media.isArray() && !media.isEmpty() ? media.get(media.size() - 1) : media;
        return item.has("file_id") ? item.get("file_id").asText() : null;
    }

    private static Decoded inbound(long updateId, String chatKey, JsonNode from, Content content, Instant sentAt) {
        var sender = new InboundMessage.Sender(
                from.has("id") ? from.get("id").asText() : chatKey,
                text(from, "first_name"),
                text(from, "username"),
                text(from, "language_code"));
        return new Decoded.Message(
                new InboundMessage(dev.rapport.domain.Channel.TELEGRAM, chatKey, updateId, sender, content, sentAt));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant sentAt(JsonNode node) {
        return node.has("date") ? Instant.ofEpochSecond(node.get("date").asLong()) : Instant.now();
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored Telegram update is not JSON", e);
        }
    }
}
