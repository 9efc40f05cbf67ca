package dev.rapport.winback;

import dev.rapport.domain.StaffRef;
import dev.rapport.store.EventLog;
import dev.rapport.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Cancellation requests for staff ({@code cancellation_requests}): the open ones, a customer's, and
 * settling one — the account closed ({@link Outcome#DONE}) or the customer stays
 * ({@link Outcome#WITHDRAWN}) — with a note, recorded with who did it and as the event
 * {@code winback.cancellation_handled}, in one transaction. Settling is done once: a request already
 * settled (by someone else a moment earlier) is refused. Thread-safe.
 */
public final class CancellationDesk {

    /** How a request was settled, as stored. */
    public enum Outcome {
        /** The account was closed as asked. */
        DONE,
        /** The customer decided to stay. */
        WITHDRAWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code done} or {@code withdrawn}; throws naming them. */
        public static Outcome of(String code) {
            for (Outcome outcome : values()) {
                if (outcome.code().equals(code)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("Unknown outcome '" + code + "': expected done or withdrawn");
        }
    }

    /**
     * One request. {@code reason} is the win-back reason code (may be null), {@code reasonText} the
     * customer's own words; {@code status} is {@code open}, {@code done} or {@code withdrawn}.
     */
    public record Request(
            long id,
            long customerId,
            String customerName,
            String tier,
            String reason,
            String reasonText,
            String channel,
            Instant requestedAt,
            String status,
            Instant handledAt,
            String note,
            String handledBy) {
        public boolean open() {
            return "open".equals(status);
        }
    }

    /** The request is not open (any more): someone settled it already, or it does not exist. */
    public static final class NotOpen extends RuntimeException {
        NotOpen(long id) {
            super("Cancellation request " + id + " is not open: it was settled already, or there is none.");
        }
    }

    private static final String SELECT = """
            SELECT r.id, r.customer_id, c.name, c.tier, r.reason, r.reason_text, r.channel, r.requested_at, r.status,
                   r.handled_at, r.handled_note, s.name AS handled_by
            FROM cancellation_requests r JOIN customers c ON c.id = r.customer_id
            LEFT JOIN staff s ON s.id = r.handled_by
            """;

    /** The topic open console pages listen on for changes to what they show. */
    static final String CONSOLE_TOPIC = "console";

    private final Jdbi jdbi;

    public CancellationDesk(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Open requests, oldest first (at most {@code limit}). */
    public List<Request> open(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        SELECT + " WHERE r.status = 'open' ORDER BY r.requested_at, r.id" + " LIMIT :limit")
                .bind("limit", limit)
                .map(CancellationDesk::request)
                .list());
    }

    /** The customer's requests, open first, then the last settled ones. */
    public List<Request> forCustomer(long customerId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + """
                         WHERE r.customer_id = :id ORDER BY (r.status <> 'open'), r.requested_at DESC LIMIT 5""")
                .bind("id", customerId)
                .map(CancellationDesk::request)
                .list());
    }

    /** Settles an open request; returns it as settled. Throws {@link NotOpen} when it is not open. */
    public Request handle(long id, Outcome outcome, String note, StaffRef by) {
        return jdbi.inTransaction(handle -> {
            var settled = handle.createQuery("""
                            UPDATE cancellation_requests SET status = :status, handled_at = now(), handled_note = :note,
                                   handled_by = :staff
                            WHERE id = :id AND status = 'open'
                            RETURNING customer_id, channel, chat_key""")
                    .bind("status", outcome.code())
                    .bind("note", note == null || note.isBlank() ? null : note.strip())
                    .bind("staff", by.id())
                    .bind("id", id)
                    .map((rs, ctx) ->
                            List.of(rs.getString("customer_id"), rs.getString("channel"), rs.getString("chat_key")))
                    .findOne()
                    .orElseThrow(() -> new NotOpen(id));
            long customerId = Long.parseLong(settled.get(0));
            var data = new java.util.HashMap<String, Object>(
                    Map.of("request", id, "outcome", outcome.code(), "staff_id", by.id(), "staff_name", by.name()));
            if (note != null && !note.isBlank()) {
                data.put("note", note.strip());
            }
            EventLog.record(
                    handle, WinbackEvent.CANCELLATION_HANDLED, settled.get(1), settled.get(2), customerId, data);
            announce(handle, WinbackEvent.CANCELLATION_HANDLED, customerId);
            return handle.createQuery(SELECT + " WHERE r.id = :id")
                    .bind("id", id)
                    .map(CancellationDesk::request)
                    .one();
        });
    }

    /** Open consoles re-read their queue (topic {@value #CONSOLE_TOPIC}, on commit, from any instance). */
    static void announce(org.jdbi.v3.core.Handle handle, WinbackEvent event, long customerId) {
        dev.rapport.store.LiveEvents.publish(
                handle, CONSOLE_TOPIC, Map.of("kind", event.type(), "customer_id", customerId));
    }

    private static Request request(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Request(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getString("name"),
                rs.getString("tier"),
                rs.getString("reason"),
                rs.getString("reason_text"),
                rs.getString("channel"),
                Rows.instant(rs, "requested_at"),
                rs.getString("status"),
                Rows.instant(rs, "handled_at"),
                rs.getString("handled_note"),
                rs.getString("handled_by"));
    }
}
