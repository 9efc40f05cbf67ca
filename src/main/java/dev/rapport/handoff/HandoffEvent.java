package dev.rapport.handoff;

import dev.rapport.store.EventType;

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

    private final String type;

    HandoffEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
