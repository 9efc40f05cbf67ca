package dev.rapport.staffgroup;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.channel.SendResult;
import dev.rapport.channel.telegram.BotApiException;
import dev.rapport.channel.telegram.StaffGroupApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the staff group's outbox rows (channel {@value GroupPosts#CHANNEL}, one chat: the group, so
 * they go out one at a time in order). Each row names a {@code staffgroup_posts} row, which says what
 * to post. Under the group's rate ({@link GroupRate}) a row waits ({@code RetryAfter}, nothing lost);
 * when more customer texts wait than the rate allows now, the queued texts of that topic are folded
 * into one post. A topic that is missing is created, one that was deleted is created again (with its
 * card) and the post retried. A bot removed from the group, or a group no longer a forum, marks the
 * group unusable: handoffs stay in the console. Thread-safe (the outbox never sends one chat's rows
 * in parallel).
 */
final class GroupSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(GroupSender.class);
    private static final int FOLD_CHARS = 3800;

    private final Jdbi jdbi;
    private final StaffGroupApi api;
    private final GroupRate rate;
    private final Texts texts;

    GroupSender(Jdbi jdbi, StaffGroupApi api, GroupRate rate, Texts texts) {
        this.jdbi = jdbi;
        this.api = api;
        this.rate = rate;
        this.texts = texts;
    }

    @Override
    public String channel() {
        return GroupPosts.CHANNEL;
    }

    @Override
    public SendResult send(String chatKey, Reply reply) {
        return new SendResult.Rejected("staff group rows are sent with their key");
    }

    private record Row(
            long id,
            String groupId,
            Long customerId,
            Long handoffId,
            String kind,
            String text,
            Long messageId,
            String fromChat,
            Long fromMessage,
            boolean foldable,
            Long foldedInto,
            Long topicMessageId,
            Long editOf) {}

    @Override
    public SendResult send(String groupId, Reply reply, String deliveryKey) {
        long postId = Long.parseLong(
                deliveryKey.substring(GroupPosts.KEY_PREFIX.length()).replaceAll("#.*", ""));
        Row post = jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM staffgroup_posts WHERE id = :id")
                .bind("id", postId)
                .map((rs, ctx) -> new Row(
                        rs.getLong("id"),
                        rs.getString("group_id"),
                        (Long) rs.getObject("customer_id"),
                        (Long) rs.getObject("handoff_id"),
                        rs.getString("kind"),
                        rs.getString("text"),
                        (Long) rs.getObject("message_id"),
                        rs.getString("from_chat"),
                        (Long) rs.getObject("from_message"),
                        rs.getBoolean("foldable"),
                        (Long) rs.getObject("folded_into"),
                        (Long) rs.getObject("topic_message_id"),
                        (Long) rs.getObject("edit_of")))
                .one());
        if (post.foldedInto() != null || post.topicMessageId() != null) {
            return new SendResult.Delivered(null); // posted already, as part of an earlier post
        }
        var unusable = jdbi.withHandle(handle -> GroupStatus.unusable(handle, groupId));
        if (unusable.isPresent()) {
            return new SendResult.Rejected(
                    "staff group unusable (" + unusable.get() + "); the handoff is in the console");
        }
        var wait = rate.waitForOne();
        if (!wait.isZero()) {
            return new SendResult.RetryAfter(wait, "staff group rate: " + rate.left() + " posts left in the window");
        }
        if (post.customerId() == null) { // an answer in the General topic
            try {
                long messageId = api.sendText(groupId, null, post.text(), null);
                rate.record();
                delivered(post, List.of(), messageId);
                return new SendResult.Delivered(String.valueOf(messageId));
            } catch (BotApiException e) {
                return failed(groupId, e);
            }
        }
        try {
            long threadId = topic(post, false);
            if (threadId < 0) {
                return new SendResult.RetryAfter(rate.waitForOne(), "staff group rate (topic created)");
            }
            try {
                return post(post, threadId);
            } catch (BotApiException e) {
                if (!e.topicMissing()) {
                    throw e;
                }
                log.info(
                        "Topic {} of customer {} in the staff group was deleted; creating it again",
                        threadId,
                        post.customerId());
                long again = topic(post, true);
                rate.record();
                api.sendText(groupId, again, texts.text("topic_recreated"), null);
                if (post.handoffId() != null && !"card".equals(post.kind())) {
                    rate.record();
                    api.sendText(
                            groupId,
                            again,
                            jdbi.inTransaction(handle -> Card.text(handle, texts, post.handoffId())),
                            null);
                }
                return post(post, again);
            }
        } catch (BotApiException e) {
            return failed(groupId, e);
        }
    }

    private SendResult failed(String groupId, BotApiException e) {
        if (e.code() == 429) {
            return new SendResult.RetryAfter(
                    e.retryAfter() == null ? java.time.Duration.ofSeconds(5) : e.retryAfter(), e.getMessage());
        }
        if (e.groupUnusable()) {
            GroupStatus.markUnusable(jdbi, groupId, "Telegram answered " + e.getMessage());
            return new SendResult.Rejected(e.getMessage());
        }
        if (e.transientFailure()) {
            return new SendResult.TransientFailure(e.getMessage());
        }
        return new SendResult.Rejected(e.getMessage());
    }

    /** The topic's thread id, created (again) when missing or {@code recreate}; -1 when the rate is used up after creating. */
    private long topic(Row post, boolean recreate) {
        var topic = jdbi.inTransaction(handle -> Topics.find(handle, post.groupId(), post.customerId(), false))
                .orElseThrow();
        if (topic.threadId() != null && !recreate) {
            return topic.threadId();
        }
        String name =
                jdbi.inTransaction(handle -> Topics.name(handle, post.customerId(), topic.handoffId(), topic.state()));
        int colour = jdbi.inTransaction(handle -> Topics.colour(handle, post.customerId()));
        long threadId = api.createTopic(post.groupId(), name, colour);
        rate.record();
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE staffgroup_topics SET thread_id = :thread, name = :name WHERE group_id = :group AND customer_id = :customer""")
                .bind("thread", threadId)
                .bind("name", name)
                .bind("group", post.groupId())
                .bind("customer", post.customerId())
                .execute());
        return recreate || rate.left() > 0 ? threadId : -1;
    }

    private SendResult post(Row post, long threadId) {
        String groupId = post.groupId();
        switch (post.kind()) {
            case "topic" -> {
                var topic = jdbi.inTransaction(handle -> Topics.find(handle, groupId, post.customerId(), false))
                        .orElseThrow();
                String name = jdbi.inTransaction(
                        handle -> Topics.name(handle, post.customerId(), topic.handoffId(), topic.state()));
                if (!name.equals(topic.name())) {
                    api.renameTopic(groupId, threadId, name);
                    rate.record();
                    jdbi.useHandle(handle -> handle.createUpdate("UPDATE staffgroup_topics SET name = :name "
                                    + "WHERE group_id = :group AND customer_id = :customer")
                            .bind("name", name)
                            .bind("group", groupId)
                            .bind("customer", post.customerId())
                            .execute());
                }
                delivered(post, List.of(), 0);
                return new SendResult.Delivered(null);
            }
            case "customer" -> {
                List<Row> folded = post.foldable() ? foldable(post) : List.of();
                long messageId;
                if (!folded.isEmpty()) {
                    var text = new StringBuilder(texts.text("folded", Map.of("count", folded.size() + 1)))
                            .append('\n')
                            .append(post.text());
                    folded.forEach(row -> text.append('\n').append(row.text()));
                    messageId = api.sendText(groupId, threadId, text.toString(), null);
                } else if (post.fromChat() != null) {
                    try {
                        messageId = api.copy(post.fromChat(), post.fromMessage(), groupId, threadId);
                    } catch (BotApiException e) {
                        if (e.topicMissing()
                                || e.code() == 429
                                || e.transientFailure()
                                || e.groupUnusable() && !e.blockedByUser()) {
                            throw e;
                        }
                        // The message cannot be copied (deleted, or from a chat the bot cannot read): its text then.
                        messageId = api.sendText(groupId, threadId, post.text() == null ? "…" : post.text(), null);
                    }
                } else {
                    messageId = api.sendText(groupId, threadId, post.text(), null);
                }
                rate.record();
                delivered(post, folded, messageId);
                return new SendResult.Delivered(String.valueOf(messageId));
            }
            case "edit" -> {
                long messageId = edit(post, threadId);
                delivered(post, List.of(), messageId);
                return new SendResult.Delivered(String.valueOf(messageId));
            }
            default -> {
                long messageId = api.sendText(groupId, threadId, post.text(), null);
                rate.record();
                delivered(post, List.of(), messageId);
                return new SendResult.Delivered(String.valueOf(messageId));
            }
        }
    }

    /**
     * Carries a customer's edit over: a text copied on its own is edited in place; anything else (a
     * media copy, a folded post) gets the new text as a reply to it. Returns the topic message.
     */
    private long edit(Row post, long threadId) {
        boolean alone = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT count(*) = 1 AND bool_and(foldable) FROM staffgroup_posts
                        WHERE group_id = :group AND topic_message_id = :message AND kind = 'customer'""")
                .bind("group", post.groupId())
                .bind("message", post.editOf())
                .mapTo(Boolean.class)
                .one());
        if (alone) {
            try {
                api.editText(post.groupId(), post.editOf(), post.text());
                rate.record();
                return post.editOf();
            } catch (BotApiException e) {
                if (e.code() != 400 || e.topicMissing()) {
                    throw e;
                }
                // Too old to edit, or not a text after all: say it instead.
            }
        }
        long messageId = api.sendText(
                post.groupId(), threadId, texts.text("edited", Map.of("text", post.text())), post.editOf());
        rate.record();
        return messageId;
    }

    /**
     * The customer texts queued right behind {@code post} in its topic that should share its post: only
     * when more posts wait for the group than the rate lets out now (a burst).
     */
    private List<Row> foldable(Row post) {
        int waiting = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT count(*) FROM staffgroup_posts
                        WHERE group_id = :group AND topic_message_id IS NULL AND folded_into IS NULL AND id > :id""")
                .bind("group", post.groupId())
                .bind("id", post.id())
                .mapTo(Integer.class)
                .one());
        if (waiting < rate.left()) {
            return List.of();
        }
        List<Row> next = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, kind, foldable, text, message_id FROM staffgroup_posts
                        WHERE group_id = :group AND customer_id = :customer AND id > :id
                          AND topic_message_id IS NULL AND folded_into IS NULL
                        ORDER BY id LIMIT 200""")
                .bind("group", post.groupId())
                .bind("customer", post.customerId())
                .bind("id", post.id())
                .map((rs, ctx) -> new Row(
                        rs.getLong("id"),
                        post.groupId(),
                        post.customerId(),
                        null,
                        rs.getString("kind"),
                        rs.getString("text"),
                        (Long) rs.getObject("message_id"),
                        null,
                        null,
                        rs.getBoolean("foldable"),
                        null,
                        null,
                        null))
                .list());
        var folded = new ArrayList<Row>();
        int chars = post.text().length();
        for (Row row : next) {
            if (!"customer".equals(row.kind())
                    || !row.foldable()
                    || chars + row.text().length() + 1 > FOLD_CHARS) {
                break; // keep the order: a media copy or a notice ends the fold
            }
            chars += row.text().length() + 1;
            folded.add(row);
        }
        return folded;
    }

    private void delivered(Row post, List<Row> folded, long topicMessageId) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("UPDATE staffgroup_posts SET topic_message_id = :message WHERE id = :id")
                    .bind("message", topicMessageId)
                    .bind("id", post.id())
                    .execute();
            for (Row row : folded) {
                handle.createUpdate(
                                "UPDATE staffgroup_posts SET folded_into = :into, topic_message_id = :message WHERE id = :id")
                        .bind("into", post.id())
                        .bind("message", topicMessageId)
                        .bind("id", row.id())
                        .execute();
            }
            var mapped = new ArrayList<Long>();
            if (post.messageId() != null) {
                mapped.add(post.messageId());
            }
            folded.stream()
                    .map(Row::messageId)
                    .filter(java.util.Objects::nonNull)
                    .forEach(mapped::add);
            for (Long messageId : mapped) {
                handle.createUpdate("""
                                INSERT INTO staffgroup_message_map (group_id, topic_message_id, message_id, direction)
                                VALUES (:group, :topic, :message, 'in') ON CONFLICT DO NOTHING""")
                        .bind("group", post.groupId())
                        .bind("topic", topicMessageId)
                        .bind("message", messageId)
                        .execute();
            }
        });
    }
}
