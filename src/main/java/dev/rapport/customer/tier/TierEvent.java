package dev.rapport.customer.tier;

import dev.rapport.store.EventType;
import java.util.Set;

/** Events of the customer pyramid. */
enum TierEvent implements EventType {
    /** A customer moved to another tier; data: from, to, value, rank. */
    TIER_CHANGED("customer.tier_changed", "from", "to", "value", "rank");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    TierEvent(String type, String... plain) {
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
