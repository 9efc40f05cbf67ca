package dev.rapport.dashboard;

import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;

/**
 * A small, hand-countable history for the dashboard's arithmetic tests (times in UTC). The current
 * period is 2026-11-01 … 2026-11-10, the previous one 2026-10-22 … 2026-10-31. What each figure must
 * come to is worked out by hand in {@link DashboardFiguresIT}.
 */
final class Fixture {

    final long key;
    final long major;
    final long small;
    final long answerR3Csat;
    final long answerR4Csat;

    Fixture(Jdbi jdbi) {
        key = customer(jdbi, "Kim Key", "key", "en");
        major = customer(jdbi, "马大成", "major", "zh");
        small = customer(jdbi, "Sam Small", "small", "en");
        // Current period.
        long r1 = response(jdbi, "feedback", key, "key", "telegram", "en", "completed", "2026-11-02T10:00:00Z");
        answer(jdbi, r1, "csat", 5, null, null, "2026-11-02T10:01:00Z");
        answer(jdbi, r1, "nps", 10, null, null, "2026-11-02T10:02:00Z");
        answer(jdbi, r1, "ces", 6, null, null, "2026-11-02T10:03:00Z");
        answer(jdbi, r1, "text", null, "Fast delivery, great service", "positive", "2026-11-02T10:04:00Z");
        long r2 = response(jdbi, "feedback", major, "major", "webchat", "zh", "completed", "2026-11-03T10:00:00Z");
        answer(jdbi, r2, "csat", 4, null, null, "2026-11-03T10:01:00Z");
        answer(jdbi, r2, "nps", 8, null, null, "2026-11-03T10:02:00Z");
        answer(jdbi, r2, "ces", 5, null, null, "2026-11-03T10:03:00Z");
        answer(jdbi, r2, "text", null, "快递太慢了，包装破损", "negative", "2026-11-03T10:04:00Z");
        long r3 = response(jdbi, "feedback", small, "small", "telegram", "en", "expired", "2026-11-05T10:00:00Z");
        answerR3Csat = answer(jdbi, r3, "csat", 1, null, null, "2026-11-05T10:01:00Z");
        answer(jdbi, r3, "nps", 3, null, null, "2026-11-05T10:02:00Z");
        jdbi.useHandle(handle -> handle.execute("""
                INSERT INTO survey_answers (response_id, question_id, question_type, skipped, answered_at)
                VALUES (?, 'ces', 'ces', true, '2026-11-05T10:03:00Z')""", r3));
        long r4 = response(jdbi, "feedback", small, "small", "telegram", "en", "open", "2026-11-09T10:00:00Z");
        answerR4Csat = answer(jdbi, r4, "csat", 2, null, null, "2026-11-09T10:01:00Z");
        response(jdbi, "winter", key, "key", "telegram", "en", "open", "2026-11-04T10:00:00Z"); // nobody answered
        // Previous period.
        long r6 = response(jdbi, "feedback", key, "key", "telegram", "en", "completed", "2026-10-25T10:00:00Z");
        answer(jdbi, r6, "csat", 3, null, null, "2026-10-25T10:01:00Z");
        answer(jdbi, r6, "nps", 9, null, null, "2026-10-25T10:02:00Z");
        // Complaints.
        long k1 = complaint(
                jdbi,
                "C-261101-0001",
                key,
                "key",
                "delivery",
                "closed",
                "2026-11-01T00:00:00Z",
                null,
                "2026-11-01T03:00:00Z",
                5);
        event(jdbi, k1, "open", "in_progress", "staff:Lena", "2026-11-01T01:00:00Z");
        event(jdbi, k1, "in_progress", "resolved", "staff:Lena", "2026-11-01T03:00:00Z");
        long k2 = complaint(
                jdbi,
                "C-261102-0001",
                major,
                "major",
                "product",
                "reopened",
                "2026-11-02T00:00:00Z",
                "2026-11-02T04:00:00Z",
                "2026-11-03T00:00:00Z",
                1);
        event(jdbi, k2, "open", "in_progress", "staff:Wei", "2026-11-02T10:00:00Z");
        event(jdbi, k2, "in_progress", "resolved", "staff:Wei", "2026-11-03T00:00:00Z");
        event(jdbi, k2, "resolved", "reopened", "customer", "2026-11-04T00:00:00Z");
        complaint(jdbi, "C-261104-0001", small, "small", "delivery", "open", "2026-11-04T00:00:00Z", null, null, null);
        // Offers, win-back, tiers.
        jdbi.useHandle(handle -> {
            handle.execute("""
                    INSERT INTO offer_codes (code, offer_id, customer_id, tier, value, issued_via, issued_at, redeemed_at) VALUES
                    ('A1', 'spring_sale', ?, 'key', 10, 'campaign', '2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'),
                    ('A2', 'spring_sale', ?, 'small', 10, 'campaign', '2026-11-03T00:00:00Z', NULL),
                    ('A3', 'major_thanks', ?, 'major', 20, 'menu', '2026-11-04T00:00:00Z', '2026-11-05T00:00:00Z')""", key, small, major);
            handle.execute("""
                    INSERT INTO winback_cases (customer_id, tier, trigger, started_at, reason, outcome) VALUES
                    (?, 'small', 'lapsed', '2026-11-02T00:00:00Z', 'price', 'won_back'),
                    (?, 'key', 'lapsed', '2026-11-03T00:00:00Z', 'price', 'lost'),
                    (?, 'major', 'cancel', '2026-11-04T00:00:00Z', 'service', NULL)""", small, key, major);
            handle.execute("""
                    INSERT INTO tier_history (customer_id, from_tier, to_tier, value, changed_at)
                    VALUES (?, 'small', 'key', 900, '2026-11-05T00:00:00Z')""", key);
            handle.execute(
                    "INSERT INTO purchases (customer_id, amount, purchased_at) VALUES (?, 100.00, now() - interval '1 day')",
                    key);
            // Handoffs: Lena answered after 10 minutes (claimed after 5), rated 4; Wei after 30 (claimed after 20),
            // rated 2;
            // one still waiting. First reasons: two asked for a person, one complaint.
            handle.execute("""
                    INSERT INTO handoffs (channel, chat_key, customer_id, state, reasons, tier, owner_name, opened_at, claimed_at,
                                          first_response_at, closed_at, csat) VALUES
                    ('telegram', 'h1', ?, 'closed', '[{"reason": "asked_for_person", "detail": "", "at": "2026-11-02T00:00:00Z"}]', 'key', 'Lena', '2026-11-02T00:00:00Z',
                     '2026-11-02T00:05:00Z', '2026-11-02T00:10:00Z', '2026-11-02T01:00:00Z', 4),
                    ('telegram', 'h2', ?, 'closed', '[{"reason": "asked_for_person", "detail": "", "at": "2026-11-03T00:00:00Z"},
                      {"reason": "complaint", "detail": "C-261102-0001", "at": "2026-11-03T00:01:00Z"}]', 'major', 'Wei',
                     '2026-11-03T00:00:00Z', '2026-11-03T00:20:00Z', '2026-11-03T00:30:00Z', '2026-11-03T01:00:00Z', 2),
                    ('webchat', 'h3', ?, 'waiting', '[{"reason": "complaint", "detail": "C-261104-0001", "at": "2026-11-04T00:00:00Z"}]', 'small', NULL, '2026-11-04T00:00:00Z',
                     NULL, NULL, NULL, NULL)""", key, major, small);
            handle.execute("""
                    INSERT INTO events (type, channel, chat_key, customer_id, data, personal, occurred_at)
                    VALUES ('handoff.note', 'telegram', 'k', ?, '{"staff_name": "Lena"}', '{"text": "Called back, all fine"}',
                            '2026-11-01T00:00:06Z')""", key);
            handle.execute("""
                    INSERT INTO messages (direction, channel, chat_key, customer_id, kind, text, created_at) VALUES
                    ('in', 'telegram', 'k', ?, 'text', 'My parcel is late', '2026-11-01T00:00:00Z'),
                    ('out', 'telegram', 'k', ?, 'text', 'Sorry to hear that, ticket C-261101-0001', '2026-11-01T00:00:05Z')""", key, key);
        });
    }

    private static long customer(Jdbi jdbi, String name, String tier, String language) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "INSERT INTO customers (name, tier, language) VALUES (:name, :tier, :language) RETURNING id")
                .bind("name", name)
                .bind("tier", tier)
                .bind("language", language)
                .mapTo(Long.class)
                .one());
    }

    private static long response(
            Jdbi jdbi,
            String survey,
            long customer,
            String tier,
            String channel,
            String language,
            String status,
            String startedAt) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO survey_responses (survey_id, customer_id, trigger, status, tier, channel, chat_key, language,
                                                      started_at)
                        VALUES (:survey, :customer, 'menu', :status, :tier, :channel, 'chat', :language, :started) RETURNING id""")
                .bind("survey", survey)
                .bind("customer", customer)
                .bind("status", status)
                .bind("tier", tier)
                .bind("channel", channel)
                .bind("language", language)
                .bind("started", OffsetDateTime.parse(startedAt))
                .mapTo(Long.class)
                .one());
    }

    private static long answer(
            Jdbi jdbi, long response, String type, Integer score, String value, String sentiment, String at) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO survey_answers (response_id, question_id, question_type, score, value, sentiment, answered_at)
                        VALUES (:response, :type, :type, :score, :value, :sentiment, :at) RETURNING id""")
                .bind("response", response)
                .bind("type", type)
                .bind("score", score)
                .bind("value", value)
                .bind("sentiment", sentiment)
                .bind("at", OffsetDateTime.parse(at))
                .mapTo(Long.class)
                .one());
    }

    private static long complaint(
            Jdbi jdbi,
            String ticket,
            long customer,
            String tier,
            String category,
            String status,
            String createdAt,
            String breachedAt,
            String resolvedAt,
            Integer csat) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO complaints (ticket, customer_id, channel, chat_key, status, category, description, language,
                                                tier, priority, sla_hours, due_at, sla_breached_at, resolved_at,
                                                followup_answered_at, csat, created_at)
                        VALUES (:ticket, :customer, 'telegram', 'chat', :status, :category, '=HYPERLINK("x")', 'en', :tier,
                                'normal', 4, :created + interval '4 hours', :breached::timestamptz, :resolved::timestamptz,
                                CASE WHEN :csat::int IS NULL THEN NULL ELSE :resolved::timestamptz + interval '1 day' END,
                                :csat::int, :created)
                        RETURNING id""")
                .bind("ticket", ticket)
                .bind("customer", customer)
                .bind("status", status)
                .bind("category", category)
                .bind("tier", tier)
                .bind("created", OffsetDateTime.parse(createdAt))
                .bind("breached", breachedAt == null ? null : OffsetDateTime.parse(breachedAt))
                .bind("resolved", resolvedAt == null ? null : OffsetDateTime.parse(resolvedAt))
                .bind("csat", csat)
                .mapTo(Long.class)
                .one());
    }

    private static void event(Jdbi jdbi, long complaint, String from, String to, String actor, String at) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, reason, occurred_at)
                        VALUES (:complaint, 'status_changed', :from, :to, :actor, 'note ' || :to, :at)""")
                .bind("complaint", complaint)
                .bind("from", from)
                .bind("to", to)
                .bind("actor", actor)
                .bind("at", OffsetDateTime.parse(at))
                .execute());
    }
}
