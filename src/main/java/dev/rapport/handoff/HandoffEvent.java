package dev.rapport.handoff;

import dev.rapport.store.EventType;
import java.util.Set;

/** Events the handoff feature records; staff actions carry {@code staff_id} and {@code staff_name} in their data. */
enum HandoffEvent implements EventType {
    OPENED("handoff.opened"),
    REASON_ADDED("handoff.reason_added"),
    CLAIMED("handoff.claimed"),
    TRANSFERRED("handoff.transferred"),
    REPLY("handoff.reply"),
    NOTE("handoff.note"),
    HANDED_BACK("handoff.handed_back"),
    FLAGGED("handoff.flagged"),
    CSAT("handoff.csat");

    /**
     * Everything a handoff event carries is plain (ids, reasons, times, staff) except a note's
     * {@code text}, which is about the customer and is erased with them.
     */
    private static final Set<String> PLAIN = Set.of(
            "handoff_id",
            "customer_id",
            "staff_id",
            "staff_name",
            "reasons",
            "reason",
            "priority",
            "tier",
            "manager",
            "position",
            "from_id",
            "from_name",
            "to_id",
            "to_name",
            "by_reply",
            "assigned",
            "message_id",
            "csat",
            "csat_queued",
            "unhappy",
            "handling_seconds",
            "first_response_seconds",
            "waited_seconds",
            "occurred_at",
            "id",
            "low_handoff_csat",
            "kind",
            "opened");

    private final String type;

    HandoffEvent(String type) {
        this.type = type;
    }

    @Override
    public Set<String> plainKeys() {
        return PLAIN;
    }

    @Override
    public String type() {
        return type;
    }
}
