package dev.rapport.complaint;

import dev.rapport.store.EventType;

/**
 * Complaint events in the {@code events} table (each also a row of the ticket's own history in
 * {@code complaint_events}, whose {@code type} is the part after {@code complaint.}).
 */
enum ComplaintEvent implements EventType {
    OPENED("complaint.opened"),
    STATUS_CHANGED("complaint.status_changed"),
    SLA_BREACHED("complaint.sla_breached"),
    FOLLOWUP_SENT("complaint.followup_sent"),
    FOLLOWUP_SKIPPED("complaint.followup_skipped"),
    FOLLOWUP_ANSWERED("complaint.followup_answered"),
    SERVICE_RECOVERY("complaint.service_recovery"),
    NOTE_UNDELIVERED("complaint.note_undelivered"),
    ORDER_REFERENCE_INVALID("complaint.order_reference_invalid");

    private final String type;

    ComplaintEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    /** The name in the ticket's history: {@code opened}, {@code status_changed}, ... */
    String historyType() {
        return type.substring("complaint.".length());
    }
}
