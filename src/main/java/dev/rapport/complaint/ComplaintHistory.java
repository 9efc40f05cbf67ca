package dev.rapport.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.store.EventLog;
import dev.rapport.store.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * A ticket's history: every change with who made it and why, appended to {@code complaint_events}
 * and, for reports across features, to {@code events} — both in the caller's transaction, so the
 * history holds exactly the changes that were committed. Stateless; thread-safe.
 */
final class ComplaintHistory {

    private static final ObjectMapper JSON = Json.mapper();

    private ComplaintHistory() {}

    static void record(
            Handle handle,
            Complaint complaint,
            ComplaintEvent type,
            Status from,
            Status to,
            String actor,
            String reason,
            Map<String, ?> data) {
        handle.createUpdate("""
                        INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, reason, data)
                        VALUES (:complaint, :type, :from, :to, :actor, :reason, CAST(:data AS jsonb))""")
                .bind("complaint", complaint.id())
                .bind("type", type.historyType())
                .bind("from", from == null ? null : from.code())
                .bind("to", to == null ? null : to.code())
                .bind("actor", actor)
                .bind("reason", reason)
                .bind("data", json(data))
                .execute();
        var event = new LinkedHashMap<String, Object>();
        event.put("ticket", complaint.ticket());
        if (from != null || to != null) {
            event.put("from", from == null ? null : from.code());
            event.put("to", to == null ? null : to.code());
        }
        event.put("actor", actor);
        if (reason != null) {
            event.put("reason", reason);
        }
        event.putAll(data);
        EventLog.record(handle, type, complaint.channel().code(), complaint.chatKey(), complaint.customerId(), event);
    }

    static List<ComplaintChange> of(Handle handle, long complaintId) {
        return handle.createQuery("""
                        SELECT type, from_status, to_status, actor, reason, data::text AS data, occurred_at AS at
                        FROM complaint_events WHERE complaint_id = :complaint ORDER BY id""")
                .bind("complaint", complaintId)
                .map(ConstructorMapper.of(ComplaintChange.class))
                .list();
    }

    private static String json(Map<String, ?> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Complaint event data is not serialisable: " + data, e);
        }
    }
}
