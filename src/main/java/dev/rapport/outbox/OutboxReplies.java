package dev.rapport.outbox;

import dev.rapport.channel.Reply;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Read access to queued and sent replies for a channel's own pages (the web chat shows a reply, with
 * its dedup key, from the outbox row that delivers it). The {@code outbox} table and the stored reply
 * shape stay the outbox's; others ask here. Stateless; thread-safe.
 */
public final class OutboxReplies {

    /**
     * One outbox row: the message it delivers (null for replies outside the message log, such as a
     * button answer), its dedup key and the reply.
     */
    public record QueuedReply(Long messageId, String dedupKey, Reply reply) {}

    private OutboxReplies() {}

    /** The rows that deliver these logged messages (several for a long text), by message, then in sending order. */
    public static List<QueuedReply> forMessages(Handle handle, Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        SELECT message_id, dedup_key, reply::text AS reply FROM outbox
                        WHERE message_id = ANY(:ids) ORDER BY message_id, id""")
                .bindArray("ids", Long.class, messageIds)
                .map((rs, ctx) -> new QueuedReply(
                        rs.getLong("message_id"), rs.getString("dedup_key"), ReplyJson.decode(rs.getString("reply"))))
                .list();
    }

    /** The row with this dedup key, if it belongs to this chat. */
    public static Optional<QueuedReply> find(Handle handle, String channel, String chatKey, String dedupKey) {
        return handle.createQuery("""
                        SELECT message_id, dedup_key, reply::text AS reply FROM outbox
                        WHERE dedup_key = :key AND channel = :channel AND chat_key = :chatKey""")
                .bind("key", dedupKey)
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .map((rs, ctx) -> new QueuedReply(
                        (Long) rs.getObject("message_id"),
                        rs.getString("dedup_key"),
                        ReplyJson.decode(rs.getString("reply"))))
                .findOne();
    }
}
