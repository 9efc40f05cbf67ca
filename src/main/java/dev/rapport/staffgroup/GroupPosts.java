package dev.rapport.staffgroup;

import dev.rapport.channel.Reply;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.Outgoing;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Queues posts into the staff group in the caller's transaction: a {@code staffgroup_posts} row that
 * says what to post and one outbox row (channel {@value #CHANNEL}, chat the group) that carries its
 * order, rate and retries. The outbox row's text is a readable summary; {@link GroupSender} posts
 * what the post row says. Stateless; thread-safe.
 */
final class GroupPosts {

    static final String CHANNEL = "staffgroup";
    static final String KEY_PREFIX = "staffgroup:post:";

    enum Kind {
        CARD,
        CUSTOMER,
        NOTICE,
        TOPIC,
        EDIT
    }

    /**
     * @param messageId   the customer's message copied, or null
     * @param fromChat    copyMessage source chat, or null to post {@code text}
     * @param fromMessage copyMessage source message
     * @param foldable    a plain text that may share one post with others under a burst
     */
    record Post(
            Kind kind,
            Long customerId,
            Long handoffId,
            String text,
            Long messageId,
            String fromChat,
            Long fromMessage,
            boolean foldable) {}

    private GroupPosts() {}

    static long enqueue(Handle handle, String groupId, Post post) {
        long id = handle.createQuery("""
                        INSERT INTO staffgroup_posts (group_id, customer_id, handoff_id, kind, text, message_id,
                                                      from_chat, from_message, foldable)
                        VALUES (:group, :customer, :handoff, :kind, :text, :message, :fromChat, :fromMessage, :foldable)
                        RETURNING id""")
                .bind("group", groupId)
                .bind("customer", post.customerId())
                .bind("handoff", post.handoffId())
                .bind("kind", post.kind().name().toLowerCase())
                .bind("text", post.text())
                .bind("message", post.messageId())
                .bind("fromChat", post.fromChat())
                .bind("fromMessage", post.fromMessage())
                .bind("foldable", post.foldable())
                .mapTo(Long.class)
                .one();
        String summary = post.kind().name().toLowerCase()
                + (post.customerId() == null ? " in the General topic" : " for customer " + post.customerId())
                + (post.text() == null || post.text().isBlank() ? "" : ": " + abbreviate(post.text()));
        Outbox.enqueue(
                handle,
                new Outgoing(KEY_PREFIX + id, CHANNEL, groupId, post.messageId(), new Reply.Text(summary, List.of())));
        return id;
    }

    /** The customer edited the message copied as topic message {@code editOf}: {@code text} is what it says now. */
    static long enqueueEdit(Handle handle, String groupId, long customerId, Long handoffId, String text, long editOf) {
        long id = enqueue(handle, groupId, new Post(Kind.EDIT, customerId, handoffId, text, null, null, null, false));
        handle.createUpdate("UPDATE staffgroup_posts SET edit_of = :editOf WHERE id = :id")
                .bind("editOf", editOf)
                .bind("id", id)
                .execute();
        return id;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
