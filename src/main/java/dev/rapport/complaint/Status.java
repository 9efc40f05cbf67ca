package dev.rapport.complaint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a complaint stands: open → in progress → resolved → closed, or reopened after an unhappy
 * follow-up. {@link #next} says which changes are allowed; everything else is refused with a reason.
 */
public enum Status {
    OPEN,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    REOPENED;

    /** The stored and printed name: {@code open}, {@code in_progress}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> of(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code().equals(code))
                .findFirst();
    }

    /** The statuses this one may change to. */
    public Set<Status> next() {
        return switch (this) {
            case OPEN, REOPENED -> Set.of(IN_PROGRESS, RESOLVED);
            case IN_PROGRESS -> Set.of(RESOLVED);
            case RESOLVED -> Set.of(CLOSED, REOPENED);
            case CLOSED -> Set.of(REOPENED);
        };
    }
}
