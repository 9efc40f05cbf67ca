package dev.rapport.winback;

import dev.rapport.store.EventType;

/** Events about win-back cases. */
enum WinbackEvent implements EventType {
    OPENED("winback.opened"),
    REASON_GIVEN("winback.reason_given"),
    DECLINED("winback.declined"),
    INCENTIVE_GIVEN("winback.incentive_given"),
    OUTCOME("winback.outcome"),
    CANCELLATION_REQUESTED("winback.cancellation_requested");

    private final String type;

    WinbackEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
