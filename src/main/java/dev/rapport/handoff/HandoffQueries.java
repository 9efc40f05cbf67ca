package dev.rapport.handoff;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads handoffs in the caller's transaction. Stateless apart from the immutable queue order; thread-safe. */
final class HandoffQueries {

    private final String orderBy;

    HandoffQueries(List<String> queueOrder) {
        this.orderBy = HandoffRows.orderBy(queueOrder);
    }

    /** Open handoffs in queue order, each with the customer's latest message in the chat. */
    List<QueuedHandoff> queue(Handle handle) {
        return handle.createQuery(
                        "SELECT " + HandoffRows.COLUMNS + ", last.text AS last_text, last.created_at AS last_at"
                                + " FROM " + HandoffRows.FROM + """
                         LEFT JOIN LATERAL (
                            SELECT m.text, m.created_at FROM messages m
                            WHERE m.channel = h.channel AND m.chat_key = h.chat_key AND m.direction = 'in'
                            ORDER BY m.id DESC LIMIT 1) last ON true
                        WHERE h.state <> 'closed'
                        ORDER BY """ + " " + orderBy)
                .map((rs, ctx) -> HandoffRows.queued(rs))
                .list();
    }

    /** The customer's place among the waiting handoffs (1 = next), or 0 when this one is not waiting. */
    int place(Handle handle, long handoffId) {
        List<Long> waiting = handle.createQuery(
                        "SELECT h.id FROM handoffs h WHERE h.state = 'waiting' ORDER BY " + orderBy)
                .mapTo(Long.class)
                .list();
        return waiting.indexOf(handoffId) + 1;
    }

    Optional<HandoffDetail> find(Handle handle, long id) {
        return handle.createQuery("SELECT " + HandoffRows.COLUMNS + " FROM " + HandoffRows.FROM + " WHERE h.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> HandoffRows.detail(rs))
                .findOne();
    }

    /** The handoff, its row locked until the transaction ends; throws when there is none. */
    HandoffDetail lock(Handle handle, long id) {
        return handle.createQuery("SELECT " + HandoffRows.COLUMNS + " FROM " + HandoffRows.FROM
                        + " WHERE h.id = :id FOR UPDATE OF h")
                .bind("id", id)
                .map((rs, ctx) -> HandoffRows.detail(rs))
                .findOne()
                .orElseThrow(() -> notFound(id));
    }

    List<HandoffDetail> forCustomer(Handle handle, long customerId) {
        return handle.createQuery("SELECT " + HandoffRows.COLUMNS + " FROM " + HandoffRows.FROM
                        + " WHERE h.customer_id = :customerId ORDER BY h.id DESC")
                .bind("customerId", customerId)
                .map((rs, ctx) -> HandoffRows.detail(rs))
                .list();
    }

    /** The first waiting handoff in queue order not meant for a manager, locked; skips rows others hold. */
    Optional<Long> nextWaiting(Handle handle) {
        return handle.createQuery(
                        "SELECT h.id FROM handoffs h WHERE h.state = 'waiting' AND NOT h.for_manager ORDER BY "
                                + orderBy + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                .mapTo(Long.class)
                .findOne();
    }

    static HandoffException notFound(long id) {
        return new HandoffException(
                HandoffException.Problem.NOT_FOUND, "There is no handoff " + id + "; reload the queue.");
    }
}
