package dev.rapport.handoff;

import dev.rapport.domain.StaffRef;
import dev.rapport.store.EventLog;
import dev.rapport.store.LiveEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Records a change to a handoff in the caller's transaction: an {@code events} row (with the staff
 * member when one acted) and a live notice on topics {@code console} and {@code handoff:<id>}, both
 * committed with the change or not at all. Stateless; thread-safe.
 */
final class HandoffLog {

    static final String CONSOLE = "console";

    private HandoffLog() {}

    static void changed(
            Handle handle, HandoffDetail handoff, HandoffEvent event, StaffRef staff, Map<String, ?> extra) {
        var data = new LinkedHashMap<String, Object>();
        data.put("handoff_id", handoff.id());
        if (staff != null) {
            data.put("staff_id", staff.id());
            data.put("staff_name", staff.name());
        }
        data.putAll(extra);
        EventLog.record(handle, event, handoff.channel().code(), handoff.chatKey(), handoff.customerId(), data);
        publish(handle, handoff.id(), handoff.customerId(), event.type(), Map.of());
    }

    /** Only the live notice: {@code kind} says what changed; {@code ids} adds a few ids (a message id). */
    static void publish(Handle handle, long handoffId, long customerId, String kind, Map<String, Long> ids) {
        var data = new LinkedHashMap<String, Object>();
        data.put("kind", kind);
        data.put("handoff_id", handoffId);
        data.put("customer_id", customerId);
        data.putAll(ids);
        LiveEvents.publish(handle, CONSOLE, data);
        LiveEvents.publish(handle, "handoff:" + handoffId, data);
    }
}
