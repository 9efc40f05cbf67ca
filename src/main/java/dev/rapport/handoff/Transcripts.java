package dev.rapport.handoff;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rapport.domain.StaffRef;
import dev.rapport.store.Json;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A customer's history for a person to read: messages in and out (bot and staff), internal notes,
 * and the events a person cares about (handoffs, complaints, surveys, offers, win-back, opt-out),
 * in time order. Paged by message: a page is the {@code limit} latest messages before a message id,
 * with the notes and events of the same stretch of time. Stateless; thread-safe.
 */
final class Transcripts {

    /** Event types shown inline, by prefix. */
    private static final List<String> SHOWN =
            List.of("handoff.%", "complaint.%", "survey.%", "offer.%", "winback.%", "customer.opted_%");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Transcripts() {}

    static List<TranscriptEntry> read(Handle handle, long customerId, int limit, Long beforeId) {
        if (limit < 1) {
            throw new HandoffException(
                    HandoffException.Problem.INVALID, "A transcript page needs a limit of at least 1.");
        }
        List<TranscriptEntry> messages = handle.createQuery("""
                        SELECT id, direction, text, kind, file_ref, created_at, staff_id, staff_name, handoff_id
                        FROM messages
                        WHERE customer_id = :customerId AND (CAST(:before AS bigint) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .bind("customerId", customerId)
                .bind("before", beforeId)
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    StaffRef staff = HandoffRows.staff(rs, "staff_id", "staff_name");
                    TranscriptEntry.Kind kind = "in".equals(rs.getString("direction"))
                            ? TranscriptEntry.Kind.CUSTOMER
                            : staff != null ? TranscriptEntry.Kind.STAFF : TranscriptEntry.Kind.BOT;
                    String file = rs.getString("file_ref");
                    Map<String, Object> data = file == null
                            ? Map.of("kind", rs.getString("kind"))
                            : Map.of("kind", rs.getString("kind"), "file", file);
                    long handoffId = rs.getLong("handoff_id");
                    return new TranscriptEntry(
                            kind,
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getLong("id"),
                            null,
                            rs.getString("text"),
                            staff,
                            null,
                            data,
                            rs.wasNull() ? null : handoffId);
                })
                .list();
        // The stretch of time this page covers: from its oldest message (or the beginning when the page is
        // not full) up to the message it pages back from (or now).
        Instant from = messages.size() < limit
                ? Instant.EPOCH
                : messages.get(messages.size() - 1).at();
        Instant until = beforeId == null
                ? null
                : handle.createQuery("SELECT created_at FROM messages WHERE id = :id")
                        .bind("id", beforeId)
                        .mapTo(Timestamp.class)
                        .findOne()
                        .map(Timestamp::toInstant)
                        .orElse(null);
        var entries = new ArrayList<>(messages);
        entries.addAll(events(handle, customerId, from, until));
        entries.sort(Comparator.comparing(TranscriptEntry::at)
                .thenComparing(entry -> entry.messageId() == null ? Long.MAX_VALUE : entry.messageId())
                .thenComparing(entry -> entry.eventId() == null ? 0L : entry.eventId()));
        return List.copyOf(entries);
    }

    private static List<TranscriptEntry> events(Handle handle, long customerId, Instant from, Instant until) {
        var query = new StringBuilder("""
                SELECT id, type, (data || COALESCE(personal, '{}'::jsonb))::text AS data, occurred_at FROM events
                WHERE customer_id = :customerId AND occurred_at >= :from""");
        if (until != null) {
            query.append(" AND occurred_at < :until");
        }
        query.append(" AND (");
        for (int i = 0; i < SHOWN.size(); i++) {
            query.append(i == 0 ? "" : " OR ").append("type LIKE :shown").append(i);
        }
        query.append(") ORDER BY id");
        var select = handle.createQuery(query.toString())
                .bind("customerId", customerId)
                .bind("from", Timestamp.from(from));
        if (until != null) {
            select.bind("until", Timestamp.from(until));
        }
        for (int i = 0; i < SHOWN.size(); i++) {
            select.bind("shown" + i, SHOWN.get(i));
        }
        return select.map((rs, ctx) -> {
                    Map<String, Object> data = Json.mapper().convertValue(Json.read(rs.getString("data")), MAP);
                    String type = rs.getString("type");
                    StaffRef staff = data.get("staff_id") instanceof Number id
                            ? new StaffRef(id.longValue(), String.valueOf(data.get("staff_name")))
                            : null;
                    boolean note = HandoffEvent.NOTE.type().equals(type);
                    Object handoffId = data.get("handoff_id");
                    return new TranscriptEntry(
                            note ? TranscriptEntry.Kind.NOTE : TranscriptEntry.Kind.EVENT,
                            rs.getTimestamp("occurred_at").toInstant(),
                            null,
                            rs.getLong("id"),
                            note ? String.valueOf(data.get("text")) : null,
                            staff,
                            type,
                            data,
                            handoffId instanceof Number number ? number.longValue() : null);
                })
                .list();
    }
}
