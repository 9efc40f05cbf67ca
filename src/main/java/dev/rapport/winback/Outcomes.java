package dev.rapport.winback;

import dev.rapport.store.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of job {@code winback.outcomes}: a case without an answer after {@code answer_window_days}
 * is recorded as no answer; a case whose customer bought within {@code won_back_window_days} after it
 * started is won back; a case past that window without a purchase is lost. Each update only touches
 * rows still undecided, so running it again changes nothing. Thread-safe.
 */
final class Outcomes implements Runnable {

    /** A case this run decided: the customer won back or lost. */
    record Decided(long id, long customerId, String tier, String outcome) {}

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    private final Jdbi jdbi;
    private final WinbackSettings settings;
    private final Clock clock;

    Outcomes(Jdbi jdbi, WinbackSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            int unanswered = handle.createUpdate("""
                            UPDATE winback_cases SET response = 'no_answer', responded_at = :now
                            WHERE response IS NULL AND started_at < CAST(:now AS timestamptz) - make_interval(days => :days)""")
                    .bind("now", now)
                    .bind("days", settings.answerWindowDays())
                    .execute();
            var decided = handle.createQuery("""
                            UPDATE winback_cases w
                            SET outcome = CASE WHEN EXISTS (
                                    SELECT 1 FROM purchases p WHERE p.customer_id = w.customer_id
                                    AND p.purchased_at > w.started_at
                                    AND p.purchased_at <= w.started_at + make_interval(days => :days))
                                THEN 'won_back' ELSE 'lost' END,
                                outcome_at = :now
                            WHERE w.outcome IS NULL AND (
                                w.started_at + make_interval(days => :days) < CAST(:now AS timestamptz)
                                OR EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = w.customer_id
                                           AND p.purchased_at > w.started_at
                                           AND p.purchased_at <= w.started_at + make_interval(days => :days)))
                            RETURNING w.id, w.customer_id, w.tier, w.outcome""")
                    .bind("now", now)
                    .bind("days", settings.wonBackWindowDays())
                    .map(ConstructorMapper.of(Decided.class))
                    .list();
            for (Decided row : decided) {
                EventLog.record(
                        handle,
                        WinbackEvent.OUTCOME,
                        null,
                        null,
                        row.customerId(),
                        Map.of("case", row.id(), "tier", row.tier(), "outcome", row.outcome()));
            }
            if (unanswered + decided.size() > 0) {
                log.info("Win-back outcomes: {} without an answer, {} decided", unanswered, decided.size());
            }
        });
    }
}
