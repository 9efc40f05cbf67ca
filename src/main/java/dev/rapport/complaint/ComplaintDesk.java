package dev.rapport.complaint;

import dev.rapport.engine.Outreach;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What staff do with complaints (the CLI today, the staff console later): list, show, take in hand,
 * resolve with a note to the customer, close. Each call is one transaction; a change that the
 * ticket's status does not allow throws {@link ComplaintException} naming the ticket and what is
 * allowed. Thread-safe.
 */
public final class ComplaintDesk {

    /** A ticket with its history, oldest change first. */
    /** @param followupComment what the customer wrote in the follow-up survey, or null */
    public record Details(Complaint complaint, List<ComplaintChange> history, String followupComment) {}

    /**
     * Who a complaint is from, for lists: the customer's name (null when unknown) and whether their
     * conversation is marked for a person (escalated).
     */
    public record Person(String name, boolean escalated) {}

    private final Jdbi jdbi;
    private final Outreach outreach;

    public ComplaintDesk(Jdbi jdbi, Outreach outreach) {
        this.jdbi = jdbi;
        this.outreach = outreach;
    }

    /** Newest first, at most {@code limit}; all statuses when {@code status} is empty. */
    public List<Complaint> list(Optional<Status> status, int limit) {
        return jdbi.withHandle(handle -> ComplaintStore.list(handle, status, limit));
    }

    public Details show(String ticket) {
        return jdbi.withHandle(handle -> {
            Complaint complaint = ComplaintStore.find(handle, ticket)
                    .orElseThrow(() -> new ComplaintException("There is no complaint with ticket '"
                            + TicketNumbers.normalise(ticket) + "'; `complaints list` shows the tickets."));
            String comment = handle.createQuery("""
                            SELECT a.value FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                            WHERE r.customer_id = :customer AND r.trigger = :trigger AND a.question_id = 'comment'
                              AND NOT a.skipped
                            ORDER BY a.answered_at DESC LIMIT 1""")
                    .bind("customer", complaint.customerId())
                    .bind("trigger", "complaint:" + complaint.ticket())
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null);
            return new Details(complaint, ComplaintHistory.of(handle, complaint.id()), comment);
        });
    }

    /** The customer behind each complaint, by complaint id. */
    public java.util.Map<Long, Person> people(List<Complaint> complaints) {
        var people = new java.util.HashMap<Long, Person>();
        jdbi.useHandle(handle -> {
            for (Complaint complaint : complaints) {
                people.put(
                        complaint.id(),
                        handle.createQuery("""
                                SELECT c.name, EXISTS (SELECT 1 FROM conversations v WHERE v.channel = :channel
                                    AND v.chat_key = :chat AND v.escalation_reason IS NOT NULL) AS with_person
                                FROM customers c WHERE c.id = :customer""")
                                .bind("channel", complaint.channel())
                                .bind("chat", complaint.chatKey())
                                .bind("customer", complaint.customerId())
                                .map((rs, ctx) -> new Person(rs.getString("name"), rs.getBoolean("with_person")))
                                .one());
            }
        });
        return people;
    }

    /** {@code staff} is who does it, as recorded in the history ({@code staff:<name>}). */
    public Complaint progress(String ticket, String staff) {
        return jdbi.inTransaction(handle -> Lifecycle.progress(handle, ticket, "staff:" + staff));
    }

    /** Resolves the ticket and sends {@code note} to the customer in their chat. */
    public Complaint resolve(String ticket, String note, String staff) {
        return jdbi.inTransaction(handle -> Lifecycle.resolve(handle, ticket, note, "staff:" + staff, outreach));
    }

    public Complaint close(String ticket, String staff, String reason) {
        return jdbi.inTransaction(handle -> Lifecycle.close(
                handle,
                Lifecycle.locked(handle, ticket),
                "staff:" + staff,
                reason == null || reason.isBlank() ? "closed by staff" : reason));
    }
}
