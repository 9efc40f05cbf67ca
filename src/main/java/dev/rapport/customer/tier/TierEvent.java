package dev.rapport.customer.tier;

import dev.rapport.store.EventType;

/** Events of the customer pyramid. */
enum TierEvent implements EventType {
    /** A customer moved to another tier; data: from, to, value, rank. */
    TIER_CHANGED("customer.tier_changed");

    private final String type;

    TierEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
