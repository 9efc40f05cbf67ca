package dev.rapport.dashboard;

import dev.rapport.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A customer's whole transcript, oldest first: every message in and out in every chat (the
 * customer's, the bot's, and staff replies, which the handoff feature marks with the staff member's
 * name), the events recorded about them, ticket history with staff notes, and survey answers. The
 * last {@value #LIMIT} entries at most. Read-only; thread-safe.
 */
final class Transcripts {

    static final int LIMIT = 5000;

    /**
     * Who said or did it: {@code customer}, {@code bot}, {@code staff}, {@code note}, {@code event}, {@code answer}.
     * {@code file}: for a message with a file, its reference ({@code webchat:<id>}, or Telegram's file id).
     */
    record Entry(
            Instant at,
            String who,
            String staff,
            String kind,
            String text,
            String detail,
            String channel,
            Long answerId,
            String file) {}

    record Customer(long id, String name, String tier, String language, Instant createdAt) {}

    record Transcript(Customer customer, List<Entry> entries) {}

    private final Jdbi jdbi;

    Transcripts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Transcript> of(long customerId) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            Reads.planned(handle);
            var customer = handle.createQuery(
                            "SELECT id, name, tier, language, created_at FROM customers WHERE id = :id")
                    .bind("id", customerId)
                    .map((rs, ctx) -> new Customer(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("tier"),
                            rs.getString("language"),
                            Rows.instant(rs, "created_at")))
                    .findOne();
            if (customer.isEmpty()) {
                return Optional.<Transcript>empty();
            }
            var entries = handle.createQuery("""
                            SELECT at, who, staff, kind, text, detail, channel, answer, file FROM (
                                SELECT m.created_at AS at,
                                       CASE WHEN m.direction = 'in' THEN 'customer'
                                            WHEN to_jsonb(m) ->> 'staff_name' IS NOT NULL THEN 'staff' ELSE 'bot' END AS who,
                                       to_jsonb(m) ->> 'staff_name' AS staff, m.kind, m.text,
                                       concat_ws(' ', m.intent, m.sentiment) AS detail, m.channel, m.id * 4 AS ord, NULL::bigint AS answer,
                                       m.file_ref AS file
                                FROM messages m WHERE m.customer_id = :id
                                UNION ALL
                                SELECT e.occurred_at, CASE WHEN e.type = 'handoff.note' THEN 'note' ELSE 'event' END,
                                       (e.data || coalesce(e.personal, '{}'::jsonb)) ->> 'staff_name', e.type,
                                       CASE WHEN e.type = 'handoff.note'
                                            THEN (e.data || coalesce(e.personal, '{}'::jsonb)) ->> 'text' END,
                                       (e.data || coalesce(e.personal, '{}'::jsonb))::text, e.channel, e.id * 4 + 1, NULL, NULL
                                FROM events e WHERE e.customer_id = :id
                                UNION ALL
                                SELECT ce.occurred_at, CASE WHEN ce.reason IS NOT NULL AND ce.actor LIKE 'staff:%' THEN 'note'
                                       ELSE 'event' END, CASE WHEN ce.actor LIKE 'staff:%' THEN substr(ce.actor, 7) END,
                                       'ticket ' || c.ticket || ' ' || ce.type, ce.reason,
                                       concat_ws(' → ', ce.from_status, ce.to_status), c.channel, ce.id * 4 + 2, NULL, NULL
                                FROM complaint_events ce JOIN complaints c ON c.id = ce.complaint_id WHERE c.customer_id = :id
                                UNION ALL
                                SELECT a.answered_at, 'answer', NULL, r.survey_id || ' ' || a.question_id,
                                       coalesce(a.score::text, a.value), a.sentiment, r.channel, a.id * 4 + 3, a.id, NULL
                                FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                                WHERE r.customer_id = :id AND NOT a.skipped
                                ORDER BY at DESC, ord DESC LIMIT :limit) t
                            ORDER BY at, ord""")
                    .bind("id", customerId)
                    .bind("limit", LIMIT)
                    .map((rs, ctx) -> new Entry(
                            Rows.instant(rs, "at"),
                            rs.getString("who"),
                            rs.getString("staff"),
                            rs.getString("kind"),
                            rs.getString("text"),
                            rs.getString("detail"),
                            rs.getString("channel"),
                            (Long) rs.getObject("answer"),
                            rs.getString("file")))
                    .list();
            return Optional.of(new Transcript(customer.get(), entries));
        });
    }
}
