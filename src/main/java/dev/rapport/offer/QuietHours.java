package dev.rapport.offer;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Hours in which nothing is sent proactively, in the customer's own time zone. The window may wrap
 * midnight (21:00–09:00). Immutable; thread-safe.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    /** When a send due at {@code now} may go instead: the window's end, or empty when it may go now. */
    public Optional<Instant> deferredUntil(Instant now, ZoneId zone) {
        if (from.equals(until)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = from.isAfter(until);
        boolean inside =
                wraps ? !time.isBefore(from) || time.isBefore(until) : !time.isBefore(from) && time.isBefore(until);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
