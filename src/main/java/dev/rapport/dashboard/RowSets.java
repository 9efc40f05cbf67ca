package dev.rapport.dashboard;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every drill-down row set, in one place: which rows each figure stands on. Newest rows first. The
 * periods match the figures': answers by the start of their response, tickets by when they were
 * made, handoffs by when they opened, offer codes by issue, win-back cases by start, tier movements by
 * change. Immutable; thread-safe.
 */
final class RowSets {

    static final String WHEN = "'YYYY-MM-DD HH24:MI'";
    private final Map<String, RowSet> sets = new LinkedHashMap<>();

    RowSets(ZoneId zone) {
        add(new RowSet(
                "answers",
                List.of(
                        "col.answered_at",
                        "col.customer",
                        "col.tier",
                        "col.channel",
                        "col.language",
                        "col.survey",
                        "col.question",
                        "col.type",
                        "col.score",
                        "col.text",
                        "col.sentiment"),
                Set.of("type", "min", "max", "sentiment"),
                (filter, narrow) -> {
                    // An answer is given after its response started (both stamped by the database's now(), the
                    // answer in the same or a later transaction), so the redundant bound on answered_at loses no
                    // row; it lets an answer type's rows be read from survey_answers_type_time from the period's
                    // start on instead of scanning every answer (a month's CSAT 1-2 export: 0.9 s -> 0.2 s).
                    var where = new Where()
                            .between("r.started_at", filter.start(zone), filter.end(zone))
                            .responses("r", filter)
                            .and("NOT a.skipped")
                            .compare("a.answered_at", ">=", ComplaintFigures.utc(filter.start(zone)));
                    if (narrow.containsKey("type")) {
                        where.compare("a.question_type", "=", narrow.get("type"));
                    }
                    score(where, "a.score", narrow);
                    if (narrow.containsKey("sentiment")) {
                        where.compare("a.sentiment", "=", narrow.get("sentiment"));
                    }
                    return new RowSet.Query("""
                    SELECT r.customer_id, a.id, to_char(a.answered_at AT TIME ZONE :zone, %s), coalesce(c.name, '#' || c.id),
                           r.tier, r.channel, r.language, r.survey_id, a.question_id, a.question_type, a.score::text,
                           CASE WHEN a.question_type IN ('single', 'multiple', 'text') THEN a.value END, a.sentiment
                    FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id JOIN customers c ON c.id = r.customer_id
                    WHERE %s ORDER BY a.answered_at DESC, a.id DESC""".formatted(WHEN, where.sql()), where);
                },
                null));
        add(new RowSet(
                "tickets",
                List.of(
                        "col.ticket",
                        "col.created_at",
                        "col.customer",
                        "col.tier",
                        "col.channel",
                        "col.language",
                        "col.category",
                        "col.status",
                        "col.priority",
                        "col.first_response",
                        "col.resolution",
                        "col.sla_breached",
                        "col.followup_csat",
                        "col.reopened",
                        "col.description"),
                Set.of("status", "breached", "followed_up", "reopened", "recovered"),
                (filter, narrow) -> {
                    // f.created_at is c.created_at (copied by V96's trigger): the same period on both tables lets
                    // each be read through its own index and joined, instead of hashing every complaint_figures row.
                    var where = new Where()
                            .between("c.created_at", filter.start(zone), filter.end(zone))
                            .between("f.created_at", filter.start(zone), filter.end(zone))
                            .complaints("c", filter);
                    if (narrow.containsKey("status")) {
                        where.compare("c.status", "=", narrow.get("status"));
                    }
                    if ("1".equals(narrow.get("breached"))) {
                        where.and("c.sla_breached_at IS NOT NULL");
                    }
                    if ("1".equals(narrow.get("followed_up"))) {
                        where.and("c.followup_answered_at IS NOT NULL");
                    }
                    if ("1".equals(narrow.get("reopened"))) {
                        where.and("c.followup_answered_at IS NOT NULL AND f.reopened");
                    }
                    if ("1".equals(narrow.get("recovered"))) {
                        where.and("c.csat >= 4");
                    }
                    // The first response and "ever reopened" come from complaint_figures (one row per complaint,
                    // kept equal to complaint_events by triggers, V96): one probe per ticket instead of two
                    // subqueries into the events, one of which hashed every reopening of all time.
                    return new RowSet.Query("""
                    SELECT c.customer_id, c.id, c.ticket, to_char(c.created_at AT TIME ZONE :zone, %s),
                           coalesce(k.name, '#' || k.id), c.tier, c.channel, c.language, c.category, c.status, c.priority,
                           round(extract(epoch FROM f.first_response_at - c.created_at) / 60)::text,
                           round(extract(epoch FROM c.resolved_at - c.created_at) / 60)::text,
                           CASE WHEN c.sla_breached_at IS NOT NULL THEN 'yes' ELSE 'no' END, c.csat::text,
                           CASE WHEN f.reopened THEN 'yes' ELSE 'no' END,
                           c.description
                    FROM complaints c JOIN complaint_figures f ON f.complaint_id = c.id JOIN customers k ON k.id = c.customer_id
                    WHERE %s ORDER BY c.created_at DESC, c.id DESC""".formatted(WHEN, where.sql()), where);
                },
                null));
        add(new RowSet(
                "handoffs",
                List.of(
                        "col.opened_at",
                        "col.customer",
                        "col.tier",
                        "col.channel",
                        "col.reason",
                        "col.agent",
                        "col.waiting",
                        "col.first_response",
                        "col.state",
                        "col.csat"),
                Set.of("reason", "agent"),
                (filter, narrow) -> {
                    var where = new Where()
                            .between("h.opened_at", filter.start(zone), filter.end(zone))
                            .in("h.tier", filter.tiers())
                            .in("h.channel", filter.channels());
                    if (narrow.containsKey("reason")) {
                        where.compare("coalesce(h.reasons -> 0 ->> 'reason', 'other')", "=", narrow.get("reason"));
                    }
                    if (narrow.containsKey("agent")) {
                        where.compare("h.owner_name", "=", narrow.get("agent"));
                    }
                    return new RowSet.Query("""
                    SELECT h.customer_id, h.id, to_char(h.opened_at AT TIME ZONE :zone, %s), coalesce(k.name, '#' || k.id),
                           h.tier, h.channel, coalesce(h.reasons -> 0 ->> 'reason', 'other'), h.owner_name,
                           round(extract(epoch FROM h.claimed_at - h.opened_at) / 60)::text,
                           round(extract(epoch FROM h.first_response_at - h.opened_at) / 60)::text, h.state, h.csat::text
                    FROM handoffs h JOIN customers k ON k.id = h.customer_id
                    WHERE %s ORDER BY h.opened_at DESC, h.id DESC""".formatted(WHEN, where.sql()), where);
                },
                "handoffs"));
        add(new RowSet(
                "offers",
                List.of(
                        "col.issued_at",
                        "col.customer",
                        "col.tier",
                        "col.offer",
                        "col.code",
                        "col.issued_via",
                        "col.value",
                        "col.redeemed_at"),
                Set.of("offer", "redeemed"),
                (filter, narrow) -> {
                    var where = new Where()
                            .between("o.issued_at", filter.start(zone), filter.end(zone))
                            .in("o.tier", filter.tiers());
                    if (narrow.containsKey("offer")) {
                        where.compare("o.offer_id", "=", narrow.get("offer"));
                    }
                    if ("1".equals(narrow.get("redeemed"))) {
                        where.and("o.redeemed_at IS NOT NULL");
                    }
                    return new RowSet.Query("""
                    SELECT o.customer_id, 0, to_char(o.issued_at AT TIME ZONE :zone, %s), coalesce(k.name, '#' || k.id),
                           o.tier, o.offer_id, o.code, o.issued_via, o.value::text,
                           to_char(o.redeemed_at AT TIME ZONE :zone, %s)
                    FROM offer_codes o JOIN customers k ON k.id = o.customer_id
                    WHERE %s ORDER BY o.issued_at DESC, o.code""".formatted(WHEN, WHEN, where.sql()), where);
                },
                null));
        add(new RowSet(
                "winback",
                List.of(
                        "col.started_at",
                        "col.customer",
                        "col.tier",
                        "col.trigger",
                        "col.reason",
                        "col.response",
                        "col.outcome",
                        "col.escalated",
                        "col.reason_text"),
                Set.of("reason", "outcome"),
                (filter, narrow) -> {
                    var where = new Where()
                            .between("w.started_at", filter.start(zone), filter.end(zone))
                            .in("w.tier", filter.tiers());
                    if (narrow.containsKey("reason")) {
                        where.compare("coalesce(w.reason, 'unknown')", "=", narrow.get("reason"));
                    }
                    if (narrow.containsKey("outcome")) {
                        where.compare("coalesce(w.outcome, 'open')", "=", narrow.get("outcome"));
                    }
                    return new RowSet.Query("""
                    SELECT w.customer_id, w.id, to_char(w.started_at AT TIME ZONE :zone, %s), coalesce(k.name, '#' || k.id),
                           w.tier, w.trigger, coalesce(w.reason, 'unknown'), w.response, coalesce(w.outcome, 'open'),
                           CASE WHEN w.escalated THEN 'yes' ELSE 'no' END, w.reason_text
                    FROM winback_cases w JOIN customers k ON k.id = w.customer_id
                    WHERE %s ORDER BY w.started_at DESC, w.id DESC""".formatted(WHEN, where.sql()), where);
                },
                null));
        add(new RowSet(
                "customers",
                List.of("col.customer", "col.tier", "col.language", "col.created_at", "col.tier_changed_at"),
                Set.of(),
                (filter, narrow) -> {
                    var where = new Where().and("k.merged_into IS NULL").in("k.tier", filter.tiers());
                    return new RowSet.Query("""
                    SELECT k.id, k.id, coalesce(k.name, '#' || k.id), k.tier, k.language,
                           to_char(k.created_at AT TIME ZONE :zone, %s), to_char(k.tier_changed_at AT TIME ZONE :zone, %s)
                    FROM customers k WHERE %s ORDER BY k.id DESC""".formatted(WHEN, WHEN, where.sql()), where);
                },
                null));
        add(new RowSet(
                "movements",
                List.of("col.changed_at", "col.customer", "col.from_tier", "col.to_tier", "col.value"),
                Set.of("from_tier", "to_tier"),
                (filter, narrow) -> {
                    var where = new Where().between("h.changed_at", filter.start(zone), filter.end(zone));
                    if (narrow.containsKey("from_tier")) {
                        where.compare("h.from_tier", "=", narrow.get("from_tier"));
                    }
                    if (narrow.containsKey("to_tier")) {
                        where.compare("h.to_tier", "=", narrow.get("to_tier"));
                    }
                    return new RowSet.Query("""
                    SELECT h.customer_id, h.id, to_char(h.changed_at AT TIME ZONE :zone, %s), coalesce(k.name, '#' || k.id),
                           h.from_tier, h.to_tier, h.value::text
                    FROM tier_history h JOIN customers k ON k.id = h.customer_id
                    WHERE %s ORDER BY h.changed_at DESC, h.id DESC""".formatted(WHEN, where.sql()), where);
                },
                null));
    }

    private void add(RowSet set) {
        sets.put(set.name(), set);
    }

    RowSet get(String name) {
        return sets.get(name);
    }

    List<RowSet> all() {
        return List.copyOf(sets.values());
    }

    private static void score(Where where, String column, Map<String, String> narrow) {
        for (var bound : List.of(Map.entry("min", ">="), Map.entry("max", "<="))) {
            String value = narrow.get(bound.getKey());
            if (value != null && value.matches("\\d{1,2}")) {
                where.compare(column, bound.getValue(), Integer.parseInt(value));
            }
        }
    }
}
