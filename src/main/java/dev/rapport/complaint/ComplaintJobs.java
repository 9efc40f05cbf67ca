package dev.rapport.complaint;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.engine.Outreach;
import dev.rapport.schedule.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The complaint jobs. Each finds what is due in the database, takes those tickets with
 * {@code FOR UPDATE SKIP LOCKED} and marks them in the same transaction, so a run repeated, or run
 * on two instances at once, handles each ticket once. Stateless apart from configuration; thread-safe.
 *
 * <ul>
 *   <li>{@value #SLA_CHECK}: a ticket still waiting for a person after its promised response time is
 *       marked breached (once per promise) and its priority raised.</li>
 *   <li>{@value #FOLLOWUP}: {@code followup_after} after a resolution, the follow-up survey is queued
 *       in the customer's chat (not to customers who opted out: recorded as skipped).</li>
 *   <li>{@value #CLOSE_UNANSWERED}: a follow-up unanswered for {@code close_unanswered_after} closes
 *       the ticket.</li>
 * </ul>
 */
final class ComplaintJobs {

    static final String SLA_CHECK = "complaint.sla_check";
    static final String FOLLOWUP = "complaint.followup";
    static final String CLOSE_UNANSWERED = "complaint.close_unanswered";
    /** The survey flow the follow-up starts (its file is {@code conversations/surveys/complaint_followup.yaml}). */
    static final String FOLLOWUP_FLOW = "survey_complaint_followup";

    private final Jdbi jdbi;
    private final ComplaintsConfig config;
    private final Outreach outreach;
    private final java.util.function.Supplier<dev.rapport.engine.HandoffPort> handoffs;

    ComplaintJobs(
            Jdbi jdbi,
            ComplaintsConfig config,
            Outreach outreach,
            java.util.function.Supplier<dev.rapport.engine.HandoffPort> handoffs) {
        this.jdbi = jdbi;
        this.config = config;
        this.outreach = outreach;
        this.handoffs = handoffs;
    }

    List<Job> all() {
        return List.of(
                new Job(SLA_CHECK, FixedDelay.of(Duration.ofMinutes(1)), this::checkSla),
                new Job(FOLLOWUP, FixedDelay.of(Duration.ofMinutes(1)), this::sendFollowups),
                new Job(CLOSE_UNANSWERED, FixedDelay.of(Duration.ofMinutes(10)), this::closeUnanswered));
    }

    void checkSla() {
        jdbi.useTransaction(handle -> {
            var due = ComplaintStore.due(
                    handle, "status IN ('open', 'reopened') AND sla_breached_at IS NULL AND due_at <= now()", Map.of());
            for (Complaint complaint : due) {
                String raised = Priority.of(complaint.priority()).raised().code();
                handle.createUpdate("""
                                UPDATE complaints SET sla_breached_at = now(), priority = :priority, updated_at = now()
                                WHERE id = :id""")
                        .bind("priority", raised)
                        .bind("id", complaint.id())
                        .execute();
                ComplaintHistory.record(
                        handle,
                        complaint,
                        ComplaintEvent.SLA_BREACHED,
                        null,
                        null,
                        "system:" + SLA_CHECK,
                        "no answer within the promised " + complaint.slaHours() + " h",
                        Map.of(
                                "due_at",
                                complaint.dueAt().toString(),
                                "priority_from",
                                complaint.priority(),
                                "priority_to",
                                raised));
                // A person takes the customer's chat (reason sla_breach in config/handoff.yaml).
                handoffs.get()
                        .escalateCustomer(
                                handle,
                                complaint.customerId(),
                                "sla_breach",
                                "complaint " + complaint.ticket() + ": no answer within the promised "
                                        + complaint.slaHours() + " h");
            }
        });
    }

    void sendFollowups() {
        jdbi.useTransaction(handle -> {
            var due = ComplaintStore.due(
                    handle, """
                            status = 'resolved' AND followup_sent_at IS NULL
                            AND resolved_at <= now() - make_interval(secs => :after)""", Map.of("after", config.followupAfter().toSeconds()));
            for (Complaint complaint : due) {
                boolean optedOut = handle.createQuery("SELECT opted_out_at IS NOT NULL FROM customers WHERE id = :id")
                        .bind("id", complaint.customerId())
                        .mapTo(Boolean.class)
                        .one();
                // The contract with the survey: the first follow-up's key is complaint-followup:<ticket>;
                // a ticket resolved again after a reopening gets :2, :3 ... so it is asked again.
                String key = "complaint-followup:" + complaint.ticket()
                        + (complaint.followupsSent() == 0 ? "" : ":" + (complaint.followupsSent() + 1));
                boolean queued = !optedOut
                        && outreach.start(
                                handle,
                                key,
                                complaint.customerId(),
                                FOLLOWUP_FLOW,
                                Map.of("ticket", complaint.ticket(), "trigger", "complaint:" + complaint.ticket()));
                handle.createUpdate("""
                                UPDATE complaints SET followup_sent_at = now(), followups_sent = followups_sent + :sent,
                                       updated_at = now()
                                WHERE id = :id""")
                        .bind("sent", queued ? 1 : 0)
                        .bind("id", complaint.id())
                        .execute();
                ComplaintHistory.record(
                        handle,
                        complaint,
                        queued ? ComplaintEvent.FOLLOWUP_SENT : ComplaintEvent.FOLLOWUP_SKIPPED,
                        null,
                        null,
                        "system:" + FOLLOWUP,
                        queued
                                ? null
                                : optedOut ? "the customer opted out of surveys" : "the customer has no reachable chat",
                        Map.of("key", key));
            }
        });
    }

    void closeUnanswered() {
        jdbi.useTransaction(handle -> {
            var due = ComplaintStore.due(
                    handle, """
                            status = 'resolved' AND followup_sent_at IS NOT NULL AND followup_answered_at IS NULL
                            AND followup_sent_at <= now() - make_interval(secs => :after)""", Map.of("after", config.closeUnansweredAfter().toSeconds()));
            for (Complaint complaint : due) {
                Lifecycle.close(
                        handle,
                        complaint,
                        "system:" + CLOSE_UNANSWERED,
                        "the follow-up was not answered within "
                                + config.closeUnansweredAfter().toHours() + " h");
            }
        });
    }
}
