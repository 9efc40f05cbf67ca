package dev.rapport.channel.telegram;

/**
 * What someone did in the staff group, read from a stored update: a message (or an edit of one) in a
 * topic, or the bot's own membership changing. Immutable.
 *
 * @param groupId     the group's chat id
 * @param threadId    the topic ({@code message_thread_id}); null in the General topic
 * @param messageId   the message in the group
 * @param replyTo     the topic message it replies to; null when it replies to none (the topic's start counts as none)
 * @param userId      who wrote it; null for the bot's membership changes
 * @param userName    their first name (and last name), for notices
 * @param text        the text or caption; null for media without a caption
 * @param media       the kind of media ({@code photo}, {@code voice} …) or null
 * @param edited      true for an edit of an earlier message
 * @param botRemoved  the bot was removed from the group or lost its admin rights
 */
public record TopicPost(
        String groupId,
        Long threadId,
        long messageId,
        Long replyTo,
        Long userId,
        String userName,
        String text,
        String media,
        boolean edited,
        boolean botRemoved) {}
