package dev.rapport.winback;

import dev.rapport.store.EventType;
import java.util.Set;

/** Events about win-back cases. */
enum WinbackEvent implements EventType {
    OPENED("winback.opened", "case", "trigger", "tier"),
    REASON_GIVEN("winback.reason_given", "reason", "tier", "escalated", "case"),
    DECLINED("winback.declined", "tier"),
    INCENTIVE_GIVEN("winback.incentive_given", "offer", "code"),
    OUTCOME("winback.outcome", "case", "tier", "outcome"),
    CANCELLATION_REQUESTED("winback.cancellation_requested", "request", "tier", "case"),
    /** A staff member settled a cancellation request; the note is personal. */
    CANCELLATION_HANDLED("winback.cancellation_handled", "request", "outcome", "staff_id", "staff_name");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    WinbackEvent(String type, String... plain) {
        this.type = type;
        this.plain = Set.of(plain);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> plainKeys() {
        return plain;
    }
}
