package dev.rapport.handoff;

import java.util.Locale;

/** Where a handoff stands: waiting for a person, claimed by one, or closed (handed back to the bot). */
public enum HandoffState {
    WAITING,
    CLAIMED,
    CLOSED;

    /** The stored word: {@code waiting}, {@code claimed}, {@code closed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static HandoffState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code();
    }
}
