package dev.rapport.staffgroup;

import dev.rapport.channel.InboundMessage;
import dev.rapport.channel.Reply;
import dev.rapport.channel.telegram.StaffGroupUpdates;
import dev.rapport.channel.telegram.TopicPost;
import dev.rapport.domain.StaffRef;
import dev.rapport.handoff.ClaimResult;
import dev.rapport.handoff.HandoffDesk;
import dev.rapport.handoff.HandoffDetail;
import dev.rapport.handoff.HandoffException;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.Outgoing;
import dev.rapport.staff.AuditLog;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what staff do in the group, one update at a time in the inbox's order (the inbox holds the
 * group's lock): a text in a customer's topic goes to the customer through {@link HandoffDesk#reply};
 * {@code /claim}, {@code /note TEXT}, {@code /resolve TICKET TEXT}, {@code /back} and {@code /info}
 * act on the topic's handoff; an edit of a reply is carried to the customer. Only Telegram users linked
 * to a staff account act; others get a notice. Desk calls commit on their own (they are the console's
 * service); answers in the topic are queued in the inbox's transaction. A reply's topic message is
 * recorded as soon as the desk sent it, so a turn retried after a later failure does not send it
 * twice; a note is recorded in the inbox's transaction, so a retried turn records it once (claims and
 * hand-backs repeat harmlessly). Thread-safe.
 */
final class GroupTurns {

    private static final Logger log = LoggerFactory.getLogger(GroupTurns.class);
    /** What the audit log says staff acted through. */
    private static final String VIA = "telegram";
    /** Outbox keys of the edits carried over to customers: the stored update's id follows. */
    private static final String EDIT_KEY_PREFIX = "staffgroup:edit:";

    private final Jdbi jdbi;
    private final HandoffDesk desk;
    private final TopicSync topics;
    private final Texts texts;
    private final StaffGroup.Resolver resolver;

    GroupTurns(Jdbi jdbi, HandoffDesk desk, TopicSync topics, Texts texts, StaffGroup.Resolver resolver) {
        this.jdbi = jdbi;
        this.desk = desk;
        this.topics = topics;
        this.texts = texts;
        this.resolver = resolver;
    }

    void handle(Handle handle, InboundMessage message, long inboxId) {
        String payload = handle.createQuery("SELECT payload::text FROM inbound_updates WHERE id = :id")
                .bind("id", inboxId)
                .mapTo(String.class)
                .one();
        Optional<TopicPost> read = StaffGroupUpdates.post(payload);
        if (read.isEmpty()) {
            return;
        }
        TopicPost post = read.get();
        String groupId = topics.groupId();
        if (post.botRemoved()) {
            GroupStatus.markUnusable(handle, groupId, "the bot was removed from the group or lost its admin rights");
            return;
        }
        String text = post.text() == null ? "" : post.text().strip();
        String command = text.startsWith("/")
                ? text.split("\\s+", 2)[0].replaceAll("@.*", "").toLowerCase()
                : "";
        String argument =
                text.startsWith("/") && text.split("\\s+", 2).length > 1 ? text.split("\\s+", 2)[1].strip() : "";
        Optional<Long> customer =
                post.threadId() == null ? Optional.empty() : Topics.customerOfThread(handle, groupId, post.threadId());
        if (command.equals("/link") && !post.edited()) {
            link(handle, post, argument, customer.orElse(null));
            return;
        }
        if (customer.isEmpty()) {
            return; // the General topic, or a topic Rapport did not open: staff talk among themselves
        }
        long customerId = customer.get();
        Optional<StaffRef> staff = StaffLinks.find(handle, post.userId());
        if (staff.isEmpty()) {
            log.info(
                    "Ignored a message from Telegram user {} in the staff group: not linked to a staff account",
                    post.userId());
            topics.notice(
                    handle,
                    customerId,
                    null,
                    texts.text("not_linked", Map.of("user", post.userName(), "user_id", post.userId())));
            return;
        }
        Optional<HandoffDetail> open = desk.forCustomer(customerId).stream()
                .filter(HandoffDetail::open)
                .findFirst();
        if (post.edited()) {
            editReply(handle, post, inboxId);
            return;
        }
        if (command.equals("/info")) {
            open.or(() -> desk.forCustomer(customerId).stream().findFirst())
                    .ifPresent(handoff ->
                            topics.notice(handle, customerId, handoff.id(), Card.text(handle, texts, handoff.id())));
            return;
        }
        if (command.equals("/resolve")) {
            String[] parts = argument.split("\\s+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                topics.notice(handle, customerId, null, texts.text("resolve_usage"));
                return;
            }
            try {
                resolver.resolve(parts[0], parts[1], staff.get());
                AuditLog.record(
                        handle, staff.get(), "ticket.resolve", customerId, Map.of("ticket", parts[0], "via", VIA));
                topics.notice(handle, customerId, null, texts.text("resolved", Map.of("ticket", parts[0])));
            } catch (RuntimeException e) {
                topics.notice(handle, customerId, null, texts.text("refused", Map.of("why", e.getMessage())));
            }
            return;
        }
        if (open.isEmpty()) {
            topics.notice(handle, customerId, null, texts.text("no_handoff"));
            return;
        }
        long handoffId = open.get().id();
        String action = switch (command) {
            case "/claim" -> "handoff.claim";
            case "/note" -> "handoff.note";
            case "/back" -> "handoff.hand_back";
            case "" -> "handoff.reply";
            default -> null;
        };
        try {
            switch (command) {
                case "/claim" -> {
                    ClaimResult result = desk.claim(handoffId, staff.get());
                    if (result.outcome() == ClaimResult.Outcome.TAKEN) {
                        topics.notice(
                                handle,
                                customerId,
                                handoffId,
                                texts.text(
                                        "taken", Map.of("owner", result.owner().name())));
                    } else if (result.outcome() == ClaimResult.Outcome.ALREADY_YOURS) {
                        topics.notice(handle, customerId, handoffId, texts.text("already_yours"));
                    }
                }
                case "/note" -> {
                    if (argument.isBlank()) {
                        topics.notice(handle, customerId, handoffId, texts.text("note_usage"));
                        return;
                    } else {
                        desk.note(handle, handoffId, staff.get(), argument);
                    }
                }
                case "/back" -> desk.handBack(handoffId, staff.get());
                case "" -> {
                    if (post.media() != null) {
                        topics.notice(handle, customerId, handoffId, texts.text("media_not_sent"));
                        return;
                    }
                    if (sentAlready(post)) {
                        return; // this update's turn ran before and failed after the desk sent the reply
                    }
                    String replyTo = post.replyTo() == null
                            ? null
                            : customerRef(handle, post.replyTo()).orElse(null);
                    long replyId = desk.reply(handoffId, staff.get(), text, replyTo);
                    // Committed at once, like the reply: a retried turn finds it and does not send twice.
                    jdbi.useHandle(own -> own.createUpdate("""
                                    INSERT INTO staffgroup_message_map (group_id, topic_message_id, message_id, direction)
                                    VALUES (:group, :topic, :message, 'out') ON CONFLICT DO NOTHING""")
                            .bind("group", groupId)
                            .bind("topic", post.messageId())
                            .bind("message", replyId)
                            .execute());
                    boolean blocked = handle.createQuery("""
                                    SELECT count(*) > 0 FROM handoffs h JOIN channel_accounts a
                                      ON a.channel = h.channel AND a.chat_key = h.chat_key
                                    WHERE h.id = :id AND a.unreachable_at IS NOT NULL""")
                            .bind("id", handoffId)
                            .mapTo(Boolean.class)
                            .one();
                    if (blocked) {
                        topics.notice(handle, customerId, handoffId, texts.text("blocked"));
                    }
                }
                default -> {
                    return; // another bot's command, or a typo: nothing to do
                }
            }
            if (action != null) {
                AuditLog.record(handle, staff.get(), action, customerId, Map.of("handoff", handoffId, "via", VIA));
            }
        } catch (HandoffException e) {
            topics.notice(handle, customerId, handoffId, texts.text("refused", Map.of("why", e.getMessage())));
        }
        // The desk committed its change; show it in the topic now (the live notice may come later, or on another
        // instance).
        topics.sync(handle, handoffId);
    }

    private boolean sentAlready(TopicPost post) {
        return jdbi.withHandle(own -> own.createQuery("""
                        SELECT count(*) > 0 FROM staffgroup_message_map
                        WHERE group_id = :group AND topic_message_id = :topic AND direction = 'out'""")
                .bind("group", topics.groupId())
                .bind("topic", post.messageId())
                .mapTo(Boolean.class)
                .one());
    }

    /** {@code /link CODE}: links the sender's Telegram account to the staff account the code was issued for. */
    private void link(Handle handle, TopicPost post, String code, Long customerId) {
        Optional<StaffRef> linked = code.isBlank() ? Optional.empty() : StaffLinks.redeem(handle, code, post.userId());
        if (linked.isPresent()) {
            AuditLog.record(
                    handle,
                    linked.get(),
                    "staff.link_telegram",
                    null,
                    Map.of("telegram_user_id", post.userId(), "via", VIA));
            topics.notice(
                    handle,
                    customerId,
                    null,
                    texts.text(
                            "linked",
                            Map.of(
                                    "user",
                                    post.userName(),
                                    "staff",
                                    linked.get().name())));
        } else {
            topics.notice(handle, customerId, null, texts.text("link_unknown"));
        }
    }

    /**
     * The customer's-chat id of the message behind topic message {@code topicMessageId}: the customer's
     * own message (the latest, for a folded post), or a staff reply as delivered to them. Empty when the
     * topic message is none of these (a card, a notice) or was not delivered yet.
     */
    private Optional<String> customerRef(Handle handle, long topicMessageId) {
        var mapped = handle.createQuery("""
                        SELECT map.direction, u.payload::text AS payload,
                               (SELECT o.external_id FROM outbox o WHERE o.message_id = m.id AND o.channel = m.channel
                                  AND o.status = 'sent' ORDER BY o.id LIMIT 1) AS delivered
                        FROM staffgroup_message_map map
                        JOIN messages m ON m.id = map.message_id
                        LEFT JOIN inbound_updates u ON u.id = m.inbound_update_id
                        WHERE map.group_id = :group AND map.topic_message_id = :topic AND m.channel = 'telegram'
                        ORDER BY m.id DESC LIMIT 1""")
                .bind("group", topics.groupId())
                .bind("topic", topicMessageId)
                .mapToMap()
                .findOne();
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        if ("in".equals(mapped.get().get("direction"))) {
            String payload = (String) mapped.get().get("payload");
            return payload == null
                    ? Optional.empty()
                    : StaffGroupUpdates.customerMessageId(payload).map(String::valueOf);
        }
        return Optional.ofNullable((String) mapped.get().get("delivered"));
    }

    /**
     * A staff member edited a reply in the topic: the customer's copy is edited too, through the
     * outbox (keyed by the stored update, so a retried turn queues it once; sent after this turn
     * commits, retried when Telegram fails, dead-lettered when it refuses, e.g. a message older than
     * 48 hours). The message log holds the text as it reads now.
     */
    private void editReply(Handle handle, TopicPost post, long inboxId) {
        var sent = handle.createQuery("""
                        SELECT o.chat_key, o.external_id FROM staffgroup_message_map map
                        JOIN outbox o ON o.message_id = map.message_id AND o.channel = 'telegram' AND o.status = 'sent'
                        WHERE map.group_id = :group AND map.topic_message_id = :topic AND map.direction = 'out'""")
                .bind("group", topics.groupId())
                .bind("topic", post.messageId())
                .mapToMap()
                .findOne();
        if (sent.isEmpty() || sent.get().get("external_id") == null || post.text() == null) {
            return;
        }
        Outbox.enqueue(
                handle,
                new Outgoing(
                        EDIT_KEY_PREFIX + inboxId,
                        "telegram",
                        (String) sent.get().get("chat_key"),
                        null,
                        new Reply.Edit((String) sent.get().get("external_id"), post.text())));
        handle.createUpdate(
                        "UPDATE messages SET text = :text WHERE id IN (SELECT message_id FROM staffgroup_message_map "
                                + "WHERE group_id = :group AND topic_message_id = :topic AND direction = 'out')")
                .bind("text", post.text())
                .bind("group", topics.groupId())
                .bind("topic", post.messageId())
                .execute();
    }
}
