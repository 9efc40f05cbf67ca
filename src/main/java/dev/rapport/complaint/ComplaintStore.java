package dev.rapport.complaint;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads complaints from {@code complaints}, in the caller's transaction. Stateless; thread-safe. */
final class ComplaintStore {

    private ComplaintStore() {}

    static Optional<Complaint> find(Handle handle, String ticket) {
        return handle.createQuery("SELECT " + Complaint.COLUMNS + " FROM complaints WHERE ticket = :ticket")
                .bind("ticket", TicketNumbers.normalise(ticket))
                .map((rs, ctx) -> Complaint.map(rs))
                .findOne();
    }

    /** The complaint, locked until the transaction ends, so two changes of one ticket never interleave. */
    static Optional<Complaint> lock(Handle handle, String ticket) {
        return handle.createQuery("SELECT " + Complaint.COLUMNS + " FROM complaints WHERE ticket = :ticket FOR UPDATE")
                .bind("ticket", TicketNumbers.normalise(ticket))
                .map((rs, ctx) -> Complaint.map(rs))
                .findOne();
    }

    /** Newest first; all statuses when {@code status} is empty. */
    static List<Complaint> list(Handle handle, Optional<Status> status, int limit) {
        return handle.createQuery(
                        "SELECT " + Complaint.COLUMNS + " FROM complaints"
                                + " WHERE CAST(:status AS text) IS NULL OR status = :status ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("status", status.map(Status::code).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> Complaint.map(rs))
                .list();
    }

    /** A customer's complaints, newest first. */
    static List<Complaint> ofCustomer(Handle handle, long customerId, int limit) {
        return handle.createQuery(
                        "SELECT " + Complaint.COLUMNS
                                + " FROM complaints WHERE customer_id = :customer ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("customer", customerId)
                .bind("limit", limit)
                .map((rs, ctx) -> Complaint.map(rs))
                .list();
    }

    /** The tickets a query over {@code complaints} selects, each locked and skipped when another instance holds it. */
    static List<Complaint> due(Handle handle, String where, java.util.Map<String, ?> binds) {
        var query = handle.createQuery("SELECT " + Complaint.COLUMNS + " FROM complaints WHERE " + where
                + " ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED");
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> Complaint.map(rs)).list();
    }
}
