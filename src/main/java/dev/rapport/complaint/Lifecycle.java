package dev.rapport.complaint;

import dev.rapport.engine.Outreach;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The status changes of a complaint, each checked against {@link Status#next()}, written with its
 * history row in the caller's transaction on a locked ticket. Stateless; thread-safe.
 */
final class Lifecycle {

    /** The flow that tells the customer staff's resolution note. */
    static final String RESOLVED_FLOW = "complaint_resolved";

    private Lifecycle() {}

    /** The ticket, locked; or an error saying there is no such ticket. */
    static Complaint locked(Handle handle, String ticket) {
        return ComplaintStore.lock(handle, ticket)
                .orElseThrow(() -> new ComplaintException("There is no complaint with ticket '"
                        + TicketNumbers.normalise(ticket) + "'; `complaints list` shows the tickets."));
    }

    /** A person has taken the ticket in hand: the promised response is given. */
    static Complaint progress(Handle handle, String ticket, String actor) {
        Complaint complaint = locked(handle, ticket);
        allow(complaint, Status.IN_PROGRESS, "taken in hand");
        handle.createUpdate("UPDATE complaints SET status = 'in_progress', updated_at = now() WHERE id = :id")
                .bind("id", complaint.id())
                .execute();
        ComplaintHistory.record(
                handle,
                complaint,
                ComplaintEvent.STATUS_CHANGED,
                complaint.status(),
                Status.IN_PROGRESS,
                actor,
                "taken in hand",
                Map.of());
        return ComplaintStore.find(handle, complaint.ticket()).orElseThrow();
    }

    /**
     * Resolves the ticket and queues {@code note} to the customer (flow {@value #RESOLVED_FLOW}, in the
     * customer's language). The note is the answer to their own complaint, so it goes to opted-out
     * customers too, and — a staff member's own action — also while a person has the chat. The follow-up clock starts now; an earlier follow-up's answer is forgotten.
     */
    static Complaint resolve(Handle handle, String ticket, String note, String actor, Outreach outreach) {
        if (note == null || note.isBlank()) {
            throw new ComplaintException("Ticket " + TicketNumbers.normalise(ticket)
                    + " needs a note to be resolved: it is sent to the customer (--note TEXT).");
        }
        Complaint complaint = locked(handle, ticket);
        allow(complaint, Status.RESOLVED, "resolved");
        handle.createUpdate("""
                        UPDATE complaints SET status = 'resolved', resolved_at = now(), resolution_note = :note,
                               followup_sent_at = NULL, followup_answered_at = NULL, csat = NULL, updated_at = now()
                        WHERE id = :id""")
                .bind("note", note.strip())
                .bind("id", complaint.id())
                .execute();
        ComplaintHistory.record(
                handle,
                complaint,
                ComplaintEvent.STATUS_CHANGED,
                complaint.status(),
                Status.RESOLVED,
                actor,
                note.strip(),
                Map.of());
        int resolutions = handle.createQuery(
                        "SELECT count(*) FROM complaint_events WHERE complaint_id = :id AND to_status = 'resolved'")
                .bind("id", complaint.id())
                .mapTo(Integer.class)
                .one();
        boolean queued = outreach.start(
                handle,
                "complaint-resolved:" + complaint.ticket() + ":" + resolutions,
                complaint.customerId(),
                RESOLVED_FLOW,
                Map.of("ticket", complaint.ticket(), "note", note.strip()),
                true);
        if (!queued) {
            ComplaintHistory.record(
                    handle,
                    complaint,
                    ComplaintEvent.NOTE_UNDELIVERED,
                    null,
                    null,
                    actor,
                    "the resolution note could not be sent: the customer has no reachable chat",
                    Map.of());
        }
        return ComplaintStore.find(handle, complaint.ticket()).orElseThrow();
    }

    static Complaint close(Handle handle, Complaint complaint, String actor, String reason) {
        allow(complaint, Status.CLOSED, "closed");
        handle.createUpdate(
                        "UPDATE complaints SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = :id")
                .bind("id", complaint.id())
                .execute();
        ComplaintHistory.record(
                handle,
                complaint,
                ComplaintEvent.STATUS_CHANGED,
                complaint.status(),
                Status.CLOSED,
                actor,
                reason,
                Map.of());
        return ComplaintStore.find(handle, complaint.ticket()).orElseThrow();
    }

    /**
     * Reopens the ticket: it waits for a person again, with a new promised response time from now
     * and a higher priority.
     */
    static Complaint reopen(Handle handle, Complaint complaint, String actor, String reason) {
        allow(complaint, Status.REOPENED, "reopened");
        handle.createUpdate("""
                        UPDATE complaints SET status = 'reopened', closed_at = NULL, sla_breached_at = NULL,
                               due_at = now() + make_interval(hours => sla_hours), priority = :priority,
                               updated_at = now()
                        WHERE id = :id""")
                .bind("priority", Priority.of(complaint.priority()).raised().code())
                .bind("id", complaint.id())
                .execute();
        ComplaintHistory.record(
                handle,
                complaint,
                ComplaintEvent.STATUS_CHANGED,
                complaint.status(),
                Status.REOPENED,
                actor,
                reason,
                Map.of());
        return ComplaintStore.find(handle, complaint.ticket()).orElseThrow();
    }

    private static void allow(Complaint complaint, Status to, String verb) {
        if (complaint.status().next().contains(to)) {
            return;
        }
        String allowed = complaint.status().next().stream()
                .sorted()
                .map(next -> hint(next, complaint.ticket()))
                .collect(Collectors.joining("; "));
        throw new ComplaintException("Ticket " + complaint.ticket() + " is " + words(complaint.status())
                + ", so it cannot be " + verb + ". A " + words(complaint.status()) + " ticket can only be: "
                + allowed + ".");
    }

    static String words(Status status) {
        return status.code().replace('_', ' ');
    }

    private static String hint(Status next, String ticket) {
        return switch (next) {
            case IN_PROGRESS -> "taken in hand (complaints progress " + ticket + ")";
            case RESOLVED -> "resolved (complaints resolve " + ticket + " --note TEXT)";
            case CLOSED -> "closed (complaints close " + ticket + ")";
            case REOPENED -> "reopened (an unhappy follow-up does that)";
            case OPEN -> "opened";
        };
    }
}
