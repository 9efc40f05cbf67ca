package dev.rapport.handoff;

import dev.rapport.domain.Language;
import dev.rapport.domain.Tier;
import dev.rapport.engine.CustomerView;
import dev.rapport.engine.HandoffPort;
import dev.rapport.store.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The engine's side of handoffs: which chat is with a person, the customer's messages while it is,
 * and escalations that open a handoff or add their reason to the open one (one open handoff per chat,
 * kept by a partial unique index). Stateless apart from immutable settings; thread-safe.
 */
final class HandoffRouting implements HandoffPort {

    private final HandoffSettings settings;
    private final QueueNotice notices;
    private final HandoffQueries queries;
    private final CustomerNotices messages;
    private final Clock clock;

    HandoffRouting(
            HandoffSettings settings,
            QueueNotice notices,
            HandoffQueries queries,
            CustomerNotices messages,
            Clock clock) {
        this.settings = settings;
        this.notices = notices;
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public boolean escalateCustomer(Handle handle, long customerId, String reason, String detail) {
        // The chat the customer used last, as outreach chooses it.
        Optional<Escalation> escalation = handle.createQuery("""
                        SELECT a.channel, a.chat_key, c.name, c.language, c.language_chosen, c.tier,
                               c.opted_out_at IS NOT NULL AS opted_out
                        FROM channel_accounts a
                        JOIN customers c ON c.id = a.customer_id
                        LEFT JOIN conversations v ON v.channel = a.channel AND v.chat_key = a.chat_key
                        WHERE a.customer_id = :customerId AND a.unreachable_at IS NULL
                        ORDER BY v.updated_at DESC NULLS LAST, a.created_at DESC
                        LIMIT 1""")
                .bind("customerId", customerId)
                .map((rs, ctx) -> new Escalation(
                        rs.getString("channel"),
                        rs.getString("chat_key"),
                        new CustomerView(
                                customerId,
                                rs.getString("name"),
                                Language.of(rs.getString("language")),
                                rs.getBoolean("language_chosen"),
                                Tier.of(rs.getString("tier")),
                                rs.getBoolean("opted_out")),
                        reason,
                        detail))
                .findOne();
        if (escalation.isEmpty()) {
            return false;
        }
        Optional<Escalated> escalated = escalate(handle, escalation.get());
        escalated
                .filter(Escalated::opened)
                .ifPresent(opened -> messages.bot(
                        handle,
                        queries.find(handle, opened.handoffId()).orElseThrow(),
                        opened.noticeKey(),
                        opened.noticeVars(),
                        "handoff:" + opened.handoffId() + ":opened"));
        return escalated.isPresent();
    }

    @Override
    public Optional<Long> openFor(Handle handle, String channel, String chatKey) {
        return handle.createQuery(
                        "SELECT id FROM handoffs WHERE channel = :channel AND chat_key = :chatKey AND state <> 'closed'")
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .mapTo(Long.class)
                .findOne();
    }

    @Override
    public List<Optional<Long>> openForAll(Handle handle, List<String> channels, List<String> chatKeys) {
        var open = new java.util.HashMap<Integer, Long>();
        handle.createQuery("""
                        SELECT c.ord, h.id
                        FROM unnest(:channels, :chatKeys) WITH ORDINALITY AS c(channel, chat_key, ord)
                        JOIN handoffs h ON h.channel = c.channel AND h.chat_key = c.chat_key AND h.state <> 'closed'""")
                .bindArray("channels", String.class, channels.toArray())
                .bindArray("chatKeys", String.class, chatKeys.toArray())
                .map((rs, ctx) -> Map.entry(rs.getInt("ord") - 1, rs.getLong("id")))
                .forEach(entry -> open.put(entry.getKey(), entry.getValue()));
        var result = new java.util.ArrayList<Optional<Long>>();
        for (int i = 0; i < channels.size(); i++) {
            result.add(Optional.ofNullable(open.get(i)));
        }
        return result;
    }

    @Override
    public void customerWrote(Handle handle, long handoffId, long customerId, long messageId) {
        handle.createUpdate("UPDATE messages SET handoff_id = :handoffId WHERE id = :messageId")
                .bind("handoffId", handoffId)
                .bind("messageId", messageId)
                .execute();
        HandoffLog.publish(handle, handoffId, customerId, "customer_message", Map.of("message_id", messageId));
    }

    @Override
    public Optional<Long> noteForCustomer(Handle handle, long customerId, String text, Map<String, ?> data) {
        Optional<HandoffDetail> open = queries.forCustomer(handle, customerId).stream()
                .filter(HandoffDetail::open)
                .findFirst();
        open.ifPresent(handoff -> {
            var extra = new LinkedHashMap<String, Object>(data);
            extra.put("text", text);
            HandoffLog.changed(handle, handoff, HandoffEvent.NOTE, null, extra);
        });
        return open.map(HandoffDetail::id);
    }

    @Override
    public Optional<Escalated> escalate(Handle handle, Escalation escalation) {
        HandoffSettings.Rule rule = settings.rule(escalation.reason());
        Tier tier = escalation.customer().tier();
        if (!rule.escalate() || !rule.tiers().contains(tier)) {
            return Optional.empty();
        }
        var reason = new LinkedHashMap<String, Object>();
        reason.put("reason", escalation.reason());
        reason.put("detail", escalation.detail());
        reason.put("at", clock.instant().toString());
        var row = handle.createQuery("""
                        INSERT INTO handoffs (channel, chat_key, customer_id, reasons, priority, tier, for_manager, opened_at)
                        VALUES (:channel, :chatKey, :customerId, CAST(:reasons AS jsonb), :priority, :tier, :manager, :now)
                        ON CONFLICT (channel, chat_key) WHERE state <> 'closed' DO UPDATE SET
                            reasons = CASE WHEN handoffs.reasons @> jsonb_build_array(jsonb_build_object('reason', CAST(:reason AS text)))
                                           THEN handoffs.reasons ELSE handoffs.reasons || excluded.reasons END,
                            priority = least(handoffs.priority, excluded.priority),
                            for_manager = handoffs.for_manager OR excluded.for_manager
                        RETURNING id, xmax = 0 AS opened""")
                .bind("channel", escalation.channel())
                .bind("chatKey", escalation.chatKey())
                .bind("customerId", escalation.customer().id())
                .bind("reasons", Json.write(List.of(reason)))
                .bind("reason", escalation.reason())
                .bind("priority", rule.priority())
                .bind("tier", tier.code())
                .bind("manager", rule.manager())
                .bind("now", java.sql.Timestamp.from(clock.instant()))
                .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getBoolean("opened") ? 1 : 0})
                .one();
        long id = row[0];
        boolean opened = row[1] == 1;
        HandoffDetail handoff = queries.find(handle, id).orElseThrow();
        var data = new LinkedHashMap<String, Object>();
        data.put("reason", escalation.reason());
        if (escalation.detail() != null) {
            data.put("detail", escalation.detail());
        }
        data.put("priority", handoff.priority());
        data.put("tier", tier.code());
        HandoffLog.changed(handle, handoff, opened ? HandoffEvent.OPENED : HandoffEvent.REASON_ADDED, null, data);
        if (!opened) {
            return Optional.of(new Escalated(id, false, null, Map.of()));
        }
        var notice = notices.opened(
                handle, id, handoff.forManager(), escalation.customer().language());
        return Optional.of(new Escalated(id, true, notice.key(), notice.vars()));
    }
}
