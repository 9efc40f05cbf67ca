package dev.rapport.store;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the {@code events} table inside the caller's transaction, so an event is recorded
 * exactly when what it describes is committed. The keys its type declares plain go to {@code data};
 * all others to {@code personal}, which erasure clears ({@link EventType}). Stateless; thread-safe.
 */
public final class EventLog {

    private EventLog() {}

    public static void record(
            Handle handle, EventType type, String channel, String chatKey, Long customerId, Map<String, ?> data) {
        recordAll(handle, java.util.List.of(new Event(type, channel, chatKey, customerId, data)));
    }

    /** An event waiting to be written with others of the same transaction. */
    public record Event(EventType type, String channel, String chatKey, Long customerId, Map<String, ?> data) {}

    /** An event as its {@code events} row stores it: data split into plain and personal JSON (null when none). */
    public record Row(String type, String channel, String chatKey, Long customerId, String data, String personal) {}

    /** The row {@code event} is written as; for statements that write events together with other rows. */
    public static Row row(Event event) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        Map<String, Object> personal = new java.util.LinkedHashMap<>();
        event.data()
                .forEach((key, value) -> (event.type().plainKeys().contains(key) ? plain : personal).put(key, value));
        return new Row(
                event.type().type(),
                event.channel(),
                event.chatKey(),
                event.customerId(),
                json(plain),
                personal.isEmpty() ? null : json(personal));
    }

    /** Writes several events in one statement; does nothing for an empty list. */
    public static void recordAll(Handle handle, java.util.List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("""
                INSERT INTO events (type, channel, chat_key, customer_id, data, personal)
                VALUES (:type, :channel, :chatKey, :customerId, CAST(:data AS jsonb), CAST(:personal AS jsonb))""");
        for (Event event : events) {
            Row row = row(event);
            batch.bind("type", row.type())
                    .bind("channel", row.channel())
                    .bind("chatKey", row.chatKey())
                    .bind("customerId", row.customerId())
                    .bind("data", row.data())
                    .bind("personal", row.personal())
                    .add();
        }
        batch.execute();
    }

    static String json(Map<String, ?> data) {
        return Json.write(data);
    }
}
