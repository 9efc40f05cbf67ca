package dev.rapport.channel;

import dev.rapport.domain.Channel;
import java.time.Instant;

/**
 * One thing a customer did in a chat, in channel-neutral terms: what the engine sees of a Telegram
 * update or a web chat post. Immutable.
 *
 * @param channel   the channel it came on
 * @param chatKey   the chat on that channel (for Telegram the chat id)
 * @param updateId  the channel's update id; turns are processed in its order per chat
 * @param sender    who wrote it
 * @param content   what they did
 * @param sentAt    the channel's timestamp, or when it arrived when the channel gives none
 */
public record InboundMessage(
        Channel channel, String chatKey, long updateId, Sender sender, Content content, Instant sentAt) {

    /** The person behind the message, as far as the channel tells. Any field but {@code userRef} may be null. */
    public record Sender(String userRef, String firstName, String username, String languageCode) {}
}
