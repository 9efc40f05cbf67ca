package dev.rapport.outbox;

import dev.rapport.channel.Reply;

/**
 * One reply a turn wants delivered.
 *
 * @param dedupKey  unique per reply and stable across retries of the same turn (for example
 *                  {@code telegram:42:update:1001:0}); writing the same key again is a no-op
 * @param channel   the channel whose sender delivers it, as in {@code ChannelSender.channel()}
 * @param chatKey   the chat on that channel
 * @param messageId the {@code messages} row this reply is logged as, or null
 * @param reply     what to send
 */
public record Outgoing(String dedupKey, String channel, String chatKey, Long messageId, Reply reply) {

    public Outgoing {
        require(dedupKey, "dedupKey");
        require(channel, "channel");
        require(chatKey, "chatKey");
        if (reply == null) {
            throw new IllegalArgumentException("Outgoing reply is missing (dedupKey " + dedupKey + ")");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Outgoing " + name + " is missing or blank");
        }
    }
}
