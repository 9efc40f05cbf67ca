package dev.rapport.complaint;

import dev.rapport.store.EventType;
import java.util.Set;

/**
 * Complaint events in the {@code events} table (each also a row of the ticket's own history in
 * {@code complaint_events}, whose {@code type} is the part after {@code complaint.}).
 */
enum ComplaintEvent implements EventType {
    OPENED("complaint.opened", "category", "tier", "sla_hours", "id"),
    STATUS_CHANGED("complaint.status_changed"),
    SLA_BREACHED("complaint.sla_breached", "due_at", "priority_from", "priority_to"),
    FOLLOWUP_SENT("complaint.followup_sent", "key"),
    FOLLOWUP_SKIPPED("complaint.followup_skipped", "key"),
    FOLLOWUP_ANSWERED("complaint.followup_answered", "csat"),
    SERVICE_RECOVERY("complaint.service_recovery", "csat"),
    NOTE_UNDELIVERED("complaint.note_undelivered"),
    ORDER_REFERENCE_INVALID("complaint.order_reference_invalid");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    ComplaintEvent(String type, String... plain) {
        this.type = type;
        this.plain = withCommon(plain);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> plainKeys() {
        return plain;
    }

    /** With what every complaint event carries (see ComplaintHistory); its free-text reason stays personal. */
    private static Set<String> withCommon(String... plain) {
        var keys = new java.util.HashSet<>(Set.of("ticket", "from", "to", "actor"));
        keys.addAll(Set.of(plain));
        return Set.copyOf(keys);
    }

    /** The name in the ticket's history: {@code opened}, {@code status_changed}, ... */
    String historyType() {
        return type.substring("complaint.".length());
    }
}
