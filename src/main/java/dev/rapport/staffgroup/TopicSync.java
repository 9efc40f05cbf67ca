package dev.rapport.staffgroup;

import dev.rapport.channel.telegram.StaffGroupUpdates;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Keeps a customer's topic in step with their handoff, in the caller's transaction: a new handoff
 * creates or reopens the topic and posts the card first; a claim, transfer or hand-back — made in
 * Telegram or in the console — renames the topic and says who did it. Idempotent: the topic row
 * remembers the state it last showed (under a row lock), so calling it again, or from several
 * instances for one change, posts nothing more. Stateless apart from immutable settings; thread-safe.
 */
final class TopicSync {

    private final String groupId;
    private final Texts texts;

    TopicSync(String groupId, Texts texts) {
        this.groupId = groupId;
        this.texts = texts;
    }

    String groupId() {
        return groupId;
    }

    /** Brings the topic of handoff {@code handoffId}'s customer up to date; false when the group is unusable. */
    boolean sync(Handle handle, long handoffId) {
        if (GroupStatus.unusable(handle, groupId).isPresent()) {
            return false;
        }
        var handoff = handle.createQuery(
                        "SELECT customer_id, state, owner_name, closed_by_name FROM handoffs WHERE id = :id")
                .bind("id", handoffId)
                .mapToMap()
                .findOne();
        if (handoff.isEmpty()) {
            return false;
        }
        long customerId = ((Number) handoff.get().get("customer_id")).longValue();
        String state = (String) handoff.get().get("state");
        String owner = (String) handoff.get().get("owner_name");
        handle.createUpdate(
                        "INSERT INTO staffgroup_topics (group_id, customer_id) VALUES (:group, :customer) ON CONFLICT DO NOTHING")
                .bind("group", groupId)
                .bind("customer", customerId)
                .execute();
        Topics.Topic topic = Topics.find(handle, groupId, customerId, true).orElseThrow();
        boolean newHandoff = topic.handoffId() == null || topic.handoffId() < handoffId;
        if (!newHandoff
                && (topic.handoffId() > handoffId
                        || (state.equals(topic.state()) && java.util.Objects.equals(owner, topic.ownerName())))) {
            return true; // shown already, or an older handoff's change
        }
        handle.createUpdate("""
                        UPDATE staffgroup_topics SET handoff_id = :handoff, state = :state, owner_name = :owner
                        WHERE group_id = :group AND customer_id = :customer""")
                .bind("handoff", handoffId)
                .bind("state", state)
                .bind("owner", owner)
                .bind("group", groupId)
                .bind("customer", customerId)
                .execute();
        GroupPosts.enqueue(
                handle,
                groupId,
                new GroupPosts.Post(GroupPosts.Kind.TOPIC, customerId, handoffId, null, null, null, null, false));
        if (newHandoff) {
            GroupPosts.enqueue(
                    handle,
                    groupId,
                    new GroupPosts.Post(
                            GroupPosts.Kind.CARD,
                            customerId,
                            handoffId,
                            Card.text(handle, texts, handoffId),
                            null,
                            null,
                            null,
                            false));
        }
        if ("claimed".equals(state) && owner != null) {
            notice(handle, customerId, handoffId, texts.text("claimed", Map.of("staff", owner)));
        } else if ("closed".equals(state)) {
            String by = (String) handoff.get().get("closed_by_name");
            notice(handle, customerId, handoffId, texts.text("handed_back", Map.of("staff", by == null ? "?" : by)));
        }
        return true;
    }

    /**
     * Copies customer message {@code messageId} into their topic: a Telegram message with
     * {@code copyMessage} (any kind), a web chat message as text.
     */
    void customerWrote(Handle handle, long handoffId, long customerId, long messageId) {
        if (!sync(handle, handoffId)) {
            return;
        }
        var message = handle.createQuery("""
                        SELECT m.channel, m.chat_key, m.kind, m.text, u.payload::text AS payload
                        FROM messages m LEFT JOIN inbound_updates u ON u.id = m.inbound_update_id WHERE m.id = :id""").bind("id", messageId).mapToMap().one();
        String kind = (String) message.get("kind");
        String text = (String) message.get("text");
        boolean plain = "text".equals(kind) || "command".equals(kind);
        String shown = plain
                ? text
                : texts.text("media", Map.of("kind", kind)) + (text == null || text.isBlank() ? "" : " " + text);
        Optional<Long> telegramId = "telegram".equals(message.get("channel")) && message.get("payload") != null
                ? StaffGroupUpdates.customerMessageId((String) message.get("payload"))
                : Optional.empty();
        GroupPosts.enqueue(
                handle,
                groupId,
                new GroupPosts.Post(
                        GroupPosts.Kind.CUSTOMER,
                        customerId,
                        handoffId,
                        shown,
                        messageId,
                        telegramId.isPresent() ? (String) message.get("chat_key") : null,
                        telegramId.orElse(null),
                        plain && shown != null && !shown.isBlank()));
        boolean blocked = handle.createQuery("""
                        SELECT count(*) > 0 FROM channel_accounts WHERE channel = :channel AND chat_key = :chatKey
                          AND unreachable_at IS NOT NULL""")
                .bind("channel", message.get("channel"))
                .bind("chatKey", message.get("chat_key"))
                .mapTo(Boolean.class)
                .one();
        if (blocked) {
            notice(handle, customerId, handoffId, texts.text("blocked"));
        }
    }

    /** A notice in the customer's topic; with no customer, in the General topic. */
    void notice(Handle handle, Long customerId, Long handoffId, String text) {
        GroupPosts.enqueue(
                handle,
                groupId,
                new GroupPosts.Post(GroupPosts.Kind.NOTICE, customerId, handoffId, text, null, null, null, false));
    }
}
