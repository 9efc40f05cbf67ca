package dev.rapport.staff;

import dev.rapport.domain.StaffRef;
import dev.rapport.store.Json;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes what a staff member did to {@code audit_log}: who ({@code staff:NAME} and the account id),
 * what ({@code console.reply}, {@code ticket.resolve}, {@code staff.login}), when, which customer and
 * the details. The handle form writes in the caller's transaction, so an entry exists exactly when
 * the action was committed. Stateless; thread-safe.
 */
public final class AuditLog {

    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** In its own transaction, for actions that are not themselves a database change (a sign-in, a view). */
    public void record(StaffRef who, String action, Long customerId, Map<String, ?> details) {
        jdbi.useHandle(handle -> record(handle, who, action, customerId, details));
    }

    public static void record(Handle handle, StaffRef who, String action, Long customerId, Map<String, ?> details) {
        handle.createUpdate("""
                        INSERT INTO audit_log (actor, staff_id, action, customer_id, details)
                        VALUES (:actor, :staff, :action, :customer, CAST(:details AS jsonb))""")
                .bind("actor", "staff:" + who.name())
                .bind("staff", who.id())
                .bind("action", action)
                .bind("customer", customerId)
                .bind("details", Json.write(details))
                .execute();
    }
}
