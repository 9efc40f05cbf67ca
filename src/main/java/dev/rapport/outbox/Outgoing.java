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
 * @param priority  whether it answers a customer who is talking or reaches out unasked; replies are
 *                  sent before outreach, however much outreach is waiting
 */
public record Outgoing(
        String dedupKey, String channel, String chatKey, Long messageId, Reply reply, Priority priority) {

    /** What goes first when the channel's rate cannot send everything at once. Stored as its ordinal. */
    public enum Priority {
        /** A reply in a conversation (or a person's answer): the customer is waiting for it. */
        REPLY,
        /** A message nobody is waiting for: an offer campaign, a survey invitation, a win-back. */
        OUTREACH
    }

    /** A reply in a conversation. */
    public Outgoing(String dedupKey, String channel, String chatKey, Long messageId, Reply reply) {
        this(dedupKey, channel, chatKey, messageId, reply, Priority.REPLY);
    }

    public Outgoing {
        if (priority == null) {
            throw new IllegalArgumentException("Outgoing priority is missing (dedupKey " + dedupKey + ")");
        }
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
