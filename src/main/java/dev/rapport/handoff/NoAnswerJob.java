package dev.rapport.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Job {@value #NAME}: a handoff nobody has answered within {@code no_answer_after} of business time
 * — no staff reply since it opened (or since the team came in, for one opened while they were away)
 * — is flagged for managers and the customer is told again that they keep their place. Once per
 * handoff. Each handoff in its own transaction, rows locked with SKIP LOCKED, so instances running
 * the job at once never remind twice. Does nothing while the team is away.
 */
final class NoAnswerJob implements Runnable {

    static final String NAME = "handoff.no_answer";

    private final Jdbi jdbi;
    private final HandoffSettings settings;
    private final HandoffQueries queries;
    private final QueueNotice notice;
    private final CustomerNotices notices;
    private final Runnable senderWake;
    private final Clock clock;

    NoAnswerJob(
            Jdbi jdbi,
            HandoffSettings settings,
            HandoffQueries queries,
            QueueNotice notice,
            CustomerNotices notices,
            Runnable senderWake,
            Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.queries = queries;
        this.notice = notice;
        this.notices = notices;
        this.senderWake = senderWake;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        if (!settings.hours().isOpen(now)) {
            return;
        }
        // Waiting since the later of the opening and the start of today's business hours.
        Instant dueBefore = now.minus(settings.noAnswerAfter());
        Instant teamInSince = settings.hours().openedAt(now);
        if (teamInSince.isAfter(dueBefore)) {
            return; // the team came in less than no_answer_after ago: everyone still has time
        }
        List<Long> due = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM handoffs
                        WHERE state <> 'closed' AND first_response_at IS NULL AND flagged_at IS NULL
                          AND opened_at <= :dueBefore
                        ORDER BY id""")
                .bind("dueBefore", java.sql.Timestamp.from(dueBefore))
                .mapTo(Long.class)
                .list());
        boolean sent = false;
        for (long id : due) {
            sent |= jdbi.inTransaction(handle -> {
                int flagged = handle.createUpdate("""
                                UPDATE handoffs SET flagged_at = :now
                                WHERE id = (SELECT id FROM handoffs WHERE id = :id AND state <> 'closed'
                                            AND first_response_at IS NULL AND flagged_at IS NULL FOR UPDATE SKIP LOCKED)""")
                        .bind("id", id)
                        .bind("now", java.sql.Timestamp.from(now))
                        .execute();
                if (flagged == 0) {
                    return false; // answered, handed back or reminded meanwhile
                }
                HandoffDetail handoff = queries.find(handle, id).orElseThrow();
                var told = notice.stillWaiting(handle, id);
                long messageId =
                        notices.bot(handle, handoff, told.key(), told.vars(), "handoff:" + id + ":still_waiting");
                HandoffLog.changed(
                        handle,
                        handoff,
                        HandoffEvent.FLAGGED,
                        null,
                        Map.of(
                                "message_id",
                                messageId,
                                "waited_seconds",
                                java.time.Duration.between(handoff.openedAt(), now)
                                        .toSeconds()));
                return true;
            });
        }
        if (sent) {
            senderWake.run();
        }
    }
}
