package dev.rapport.staffgroup;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.telegram.StaffGroupUpdates;
import dev.rapport.domain.Channel;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a customer's turn means for their topic beyond the messages the handoff port copies, in the
 * turn's transaction: an edit of a message already in the topic is carried over, and a customer who
 * blocks the bot while a person has the chat is announced there. Stateless apart from immutable
 * settings; thread-safe.
 */
final class CustomerTurns {

    private static final int LOOK_BACK = 500;

    private final TopicSync topics;
    private final Texts texts;

    CustomerTurns(TopicSync topics, Texts texts) {
        this.topics = topics;
        this.texts = texts;
    }

    void after(Handle handle, InboundMessage message, long inboxId) {
        if (message.content() instanceof Content.Membership membership && membership.blocked()) {
            handle.createQuery("""
                            SELECT h.id, h.customer_id FROM handoffs h
                            JOIN staffgroup_topics t ON t.customer_id = h.customer_id AND t.group_id = :group
                            WHERE h.channel = :channel AND h.chat_key = :chatKey AND h.state <> 'closed'""")
                    .bind("group", topics.groupId())
                    .bind("channel", message.channel())
                    .bind("chatKey", message.chatKey())
                    .mapToMap()
                    .findOne()
                    .ifPresent(open -> topics.notice(
                            handle,
                            ((Number) open.get("customer_id")).longValue(),
                            ((Number) open.get("id")).longValue(),
                            texts.text("blocked")));
        } else if (message.content() instanceof Content.Edited edited && message.channel() == Channel.TELEGRAM) {
            edited(handle, message, inboxId, edited.text());
        }
    }

    private void edited(Handle handle, InboundMessage message, long inboxId, String text) {
        String payload = handle.createQuery("SELECT payload::text FROM inbound_updates WHERE id = :id")
                .bind("id", inboxId)
                .mapTo(String.class)
                .one();
        Long editedId = StaffGroupUpdates.customerMessageId(payload).orElse(null);
        if (editedId == null || text == null || text.isBlank()) {
            return;
        }
        // The copies of this chat's recent messages; the edited one is found by its Telegram id.
        var copies = handle.createQuery("""
                        SELECT map.topic_message_id, m.customer_id, m.handoff_id, u.payload::text AS payload
                        FROM staffgroup_message_map map
                        JOIN messages m ON m.id = map.message_id
                        JOIN inbound_updates u ON u.id = m.inbound_update_id
                        WHERE map.group_id = :group AND map.direction = 'in' AND m.channel = :channel AND m.chat_key = :chatKey
                        ORDER BY m.id DESC LIMIT :limit""")
                .bind("group", topics.groupId())
                .bind("channel", message.channel())
                .bind("chatKey", message.chatKey())
                .bind("limit", LOOK_BACK)
                .mapToMap()
                .list();
        for (Map<String, Object> copy : copies) {
            if (StaffGroupUpdates.customerMessageId((String) copy.get("payload"))
                    .orElse(-1L)
                    .equals(editedId)) {
                GroupPosts.enqueueEdit(
                        handle,
                        topics.groupId(),
                        ((Number) copy.get("customer_id")).longValue(),
                        copy.get("handoff_id") == null ? null : ((Number) copy.get("handoff_id")).longValue(),
                        text,
                        ((Number) copy.get("topic_message_id")).longValue());
                return;
            }
        }
    }
}
