package dev.rapport.channel.telegram;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.Texts;
import dev.rapport.inbox.UpdateDecoder;
import java.time.Instant;

/**
 * Decodes updates from the staff group, which intake files under their own inbox channel
 * ({@value #CHANNEL}) so that they travel the durable inbox in order like any chat but are never
 * handled as a customer's: the turn handler sends this channel to the staff group, not the engine.
 * The {@link InboundMessage} carries who wrote and what; the staff group reads the details (topic,
 * reply, edit) from the stored update with {@link StaffGroupUpdates#post}. Stateless; thread-safe.
 */
public final class StaffGroupDecoder implements UpdateDecoder {

    public static final String CHANNEL = dev.rapport.domain.Channel.TELEGRAM_STAFF.code();

    /**
     * The update types the staff group needs from the webhook: messages in topics (staff answers and
     * commands), their edits, and the bot's own membership (removed from the group, rights taken away).
     */
    public static final java.util.List<String> UPDATE_TYPES =
            java.util.List.of("message", "edited_message", "my_chat_member");

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Decoded decode(long updateId, String chatKey, String payload) {
        var post = StaffGroupUpdates.post(payload);
        if (post.isEmpty()) {
            return new Decoded.Ignore("nothing to act on in the staff group (a service message or a bot's)");
        }
        TopicPost topicPost = post.get();
        Content content = topicPost.botRemoved()
                ? new Content.Membership(true)
                : topicPost.edited()
                        ? new Content.Edited(topicPost.text() == null ? "" : topicPost.text())
                        : topicPost.text() != null && topicPost.media() == null
                                ? Texts.read(topicPost.text())
                                : new Content.Media(topicPost.media(), null, topicPost.text());
        var sender = new InboundMessage.Sender(
                topicPost.userId() == null ? chatKey : String.valueOf(topicPost.userId()),
                topicPost.userName(),
                null,
                null);
        return new Decoded.Message(new InboundMessage(
                dev.rapport.domain.Channel.TELEGRAM_STAFF, chatKey, updateId, sender, content, Instant.now()));
    }
}
