package dev.rapport.complaint;

import dev.rapport.domain.Tier;
import java.util.Locale;

/**
 * How soon staff should look at a ticket. It starts from the customer's tier and rises one step at
 * each SLA breach and at an unhappy follow-up, never past {@link #URGENT}.
 */
enum Priority {
    LOW, NORMAL, HIGH, URGENT;

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

    Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }
}
