package dev.rapport.complaint;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.util.Map;
import java.util.Optional;

/**
 * {@code complaint_review_followup}: called by the follow-up survey ({@code survey_complaint_followup})
 * after its last answer, with slots {@code ticket} and {@code csat} ("1".."5"). Records the answer;
 * a CSAT of {@value #UNHAPPY} or less reopens the ticket, records a service recovery, marks the chat
 * for a person and returns {@code reopened}; a higher one closes a resolved ticket and returns
 * {@code closed} ({@code answered} when the ticket is in another status, {@code unknown} when the
 * slots name no ticket of this customer). Stateless; thread-safe.
 */
final class ReviewFollowup implements Action {

    static final int UNHAPPY = 2;

    @Override
    public String name() {
        return "complaint_review_followup";
    }

    @Override
    public String run(ActionContext context) {
        var handle = context.handle();
        Optional<Complaint> found = ComplaintStore.lock(handle, String.valueOf(context.slot("ticket")))
                .filter(complaint ->
                        complaint.customerId() == context.customer().id());
        Integer csat = csat(context.slot("csat"));
        if (found.isEmpty() || csat == null) {
            return "unknown";
        }
        Complaint complaint = found.get();
        handle.createUpdate("""
                        UPDATE complaints SET csat = :csat, followup_answered_at = now(), updated_at = now()
                        WHERE id = :id""").bind("csat", csat).bind("id", complaint.id()).execute();
        ComplaintHistory.record(
                handle,
                complaint,
                ComplaintEvent.FOLLOWUP_ANSWERED,
                null,
                null,
                "customer",
                null,
                Map.of("csat", csat));
        String why = "follow-up CSAT " + csat;
        if (csat <= UNHAPPY) {
            if (complaint.status().next().contains(Status.REOPENED)) {
                complaint = Lifecycle.reopen(handle, complaint, "customer", why);
            }
            ComplaintHistory.record(
                    handle,
                    complaint,
                    ComplaintEvent.SERVICE_RECOVERY,
                    null,
                    null,
                    "customer",
                    why + ": a person looks at the ticket again",
                    Map.of("csat", csat));
            context.escalate(
                    "low_followup_csat",
                    "complaint " + complaint.ticket() + ": " + why + ", reopened for service recovery");
            return "reopened";
        }
        if (complaint.status() == Status.RESOLVED) {
            complaint = Lifecycle.close(handle, complaint, "customer", why);
        }
        return complaint.status() == Status.CLOSED ? "closed" : "answered";
    }

    private static Integer csat(String answer) {
        try {
            int value = Integer.parseInt(answer == null ? "" : answer.strip());
            return value >= 1 && value <= 5 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
