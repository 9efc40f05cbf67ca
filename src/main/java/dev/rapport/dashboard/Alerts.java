package dev.rapport.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The newest unhappy answers, shown at the top of the dashboard so a manager can act the same day:
 * NPS detractors (0–6) and CSAT 1–2 of the last {@value #DAYS} days, whatever the filter, newest
 * first. Read at each page view (nothing is pushed). Read-only; thread-safe.
 */
final class Alerts {

    static final int DAYS = 7;
    static final int LIMIT = 8;

    record Alert(
            long answerId,
            long customerId,
            String customer,
            String tier,
            String type,
            int score,
            String survey,
            Instant at) {}

    private final Jdbi jdbi;

    Alerts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Alert> recent(Instant now) {
        var since = ComplaintFigures.utc(now.minus(Duration.ofDays(DAYS)));
        return Reads.of(
                jdbi,
                handle -> handle.createQuery("""
                        SELECT a.id AS answer_id, r.customer_id, c.name AS customer, r.tier, a.question_type AS type, a.score,
                               r.survey_id AS survey, a.answered_at AS at
                        FROM (SELECT * FROM (SELECT id, response_id, question_type, score, answered_at FROM survey_answers
                                             WHERE question_type = 'nps' AND answered_at >= :since AND score <= 6
                                               AND NOT skipped ORDER BY answered_at DESC LIMIT :limit) n
                              UNION ALL
                              SELECT * FROM (SELECT id, response_id, question_type, score, answered_at FROM survey_answers
                                             WHERE question_type = 'csat' AND answered_at >= :since AND score <= 2
                                               AND NOT skipped ORDER BY answered_at DESC LIMIT :limit) s) a
                        JOIN survey_responses r ON r.id = a.response_id
                        JOIN customers c ON c.id = r.customer_id
                        ORDER BY a.answered_at DESC, a.id DESC LIMIT :limit""")
                        .bind("since", since)
                        .bind("limit", LIMIT)
                        .map(ConstructorMapper.of(Alert.class))
                        .list());
    }
}
