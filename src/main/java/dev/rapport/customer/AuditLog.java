package dev.rapport.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.store.Json;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The {@code audit_log}: who (an OS user or the name given with {@code --by}) did what with a
 * customer's data, and when. Written in the caller's transaction, so an entry exists exactly when
 * what it records was committed. Stateless; thread-safe.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = Json.mapper();

    private AuditLog() {}

    /** The person running a command: {@code --by} when given, else the operating-system user. */
    public static String actor(String by) {
        if (by != null && !by.isBlank()) {
            return by.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    public static void record(Handle handle, String actor, String action, Long customerId, Map<String, ?> details) {
        handle.createUpdate("""
                        INSERT INTO audit_log (actor, action, customer_id, details)
                        VALUES (:actor, :action, :customerId, CAST(:details AS jsonb))""")
                .bind("actor", actor)
                .bind("action", action)
                .bind("customerId", customerId)
                .bind("details", json(details))
                .execute();
    }

    private static String json(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not serialisable: " + details, e);
        }
    }
}
