package dev.rapport.complaint;

import dev.rapport.domain.Tier;
import java.util.Locale;

/**
 * How soon staff should look at a ticket. It starts from the customer's tier (a step higher for a
 * strongly negative description) and rises one step at each SLA breach and at an unhappy follow-up,
 * never past {@link #URGENT}.
 */
enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Priority of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    static Priority forTier(Tier tier) {
        return switch (tier) {
            case KEY, MAJOR -> HIGH;
            case ORDINARY -> NORMAL;
            case SMALL -> LOW;
        };
    }

    /**
     * A new complaint's priority: from the tier, one step higher when the customer's description was
     * strongly negative ({@link dev.rapport.engine.Tone#stronglyNegative}: "Worst shop ever…!").
     */
    static Priority forComplaint(dev.rapport.domain.Tier tier, boolean stronglyNegative) {
        Priority fromTier = forTier(tier);
        return stronglyNegative ? fromTier.raised() : fromTier;
    }

    Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
