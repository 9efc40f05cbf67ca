package dev.rapport.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer's place in the customer pyramid, by the value they bring: key (about the top 1%),
 * major (the next 4%), ordinary (the next 15%) and small (the rest). The tier decides the service
 * level — SLA, queue priority, offer budget, win-back effort. Declared from the most valuable down,
 * so {@link #compareTo} orders a queue with key customers first.
 */
public enum Tier {
    KEY,
    MAJOR,
    ORDINARY,
    SMALL;

    /** The word used in settings files, flows, the database and exports: {@code key}, {@code major}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every tier's code, most valuable first: for error messages and settings that list the tiers. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Tier::code).toList();
    }

    /** The tier for a code such as {@code "major"}, or empty for anything else (case-sensitive). */
    public static Optional<Tier> fromCode(String code) {
        return Arrays.stream(values()).filter(tier -> tier.code().equals(code)).findFirst();
    }

    /** The tier for a code that must be one; throws naming the value and the codes allowed. */
    public static Tier of(String code) {
        return fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown tier '" + code + "'; expected one of key, major, ordinary, small"));
    }

    @Override
    public String toString() {
        return code();
    }
}
