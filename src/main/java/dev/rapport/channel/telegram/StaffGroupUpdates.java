package dev.rapport.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.store.Json;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads stored Telegram updates for the staff group: {@link #post} for updates from the group,
 * {@link #customerMessageId} for a customer's own message (what {@code copyMessage} copies).
 * Tolerant JSON tree reads; stateless; thread-safe.
 */
public final class StaffGroupUpdates {

    /** What staff can post besides text: the media customers send, and a shared contact. */
    private static final List<String> MEDIA =
            Stream.concat(TelegramDecoder.MEDIA.stream(), Stream.of("contact")).toList();

    private StaffGroupUpdates() {}

    /** The group update as a {@link TopicPost}; empty for service messages and updates with nothing to act on. */
    public static Optional<TopicPost> post(String payload) {
        JsonNode root = Json.read(payload);
        if (root.has("my_chat_member")) {
            JsonNode member = root.get("my_chat_member");
            String status = member.path("new_chat_member").path("status").asText();
            boolean removed = "left".equals(status)
                    || "kicked".equals(status)
                    || "member".equals(status)
                    || "restricted".equals(status);
            return Optional.of(new TopicPost(
                    member.path("chat").path("id").asText(), null, 0, null, null, null, null, null, false, removed));
        }
        boolean edited = root.has("edited_message");
        JsonNode message = edited ? root.get("edited_message") : root.path("message");
        if (message.isMissingNode()
                || !message.has("from")
                || message.path("from").path("is_bot").asBoolean(false)) {
            return Optional.empty();
        }
        String media = MEDIA.stream().filter(message::has).findFirst().orElse(null);
        String text = message.has("text")
                ? message.get("text").asText()
                : message.has("caption") ? message.get("caption").asText() : null;
        if (text == null && media == null) {
            return Optional.empty(); // topic created, renamed, a member joined…
        }
        Long threadId = message.path("is_topic_message").asBoolean(false) && message.has("message_thread_id")
                ? message.get("message_thread_id").asLong()
                : null;
        JsonNode reply = message.path("reply_to_message");
        // In a topic, a message that replies to nothing still names the topic's first message.
        Long replyTo = reply.has("message_id")
                        && !reply.has("forum_topic_created")
                        && (threadId == null || reply.get("message_id").asLong() != threadId)
                ? reply.get("message_id").asLong()
                : null;
        JsonNode from = message.path("from");
        String name = (from.path("first_name").asText("") + " "
                        + from.path("last_name").asText(""))
                .strip();
        return Optional.of(new TopicPost(
                message.path("chat").path("id").asText(),
                threadId,
                message.path("message_id").asLong(),
                replyTo,
                from.path("id").asLong(),
                name,
                text,
                media,
                edited,
                false));
    }

    /** The {@code message_id} of the message (or edited message) in a customer's stored update. */
    public static Optional<Long> customerMessageId(String payload) {
        JsonNode root = Json.read(payload);
        JsonNode message = root.has("message") ? root.get("message") : root.path("edited_message");
        return message.has("message_id") ? Optional.of(message.get("message_id").asLong()) : Optional.empty();
    }
}
