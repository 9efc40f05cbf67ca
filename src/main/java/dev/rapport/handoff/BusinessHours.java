package dev.rapport.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When the team answers chats: the days of the week and one daily window, in the team's time zone.
 * An empty set of days means always open. Immutable; thread-safe.
 */
record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    static BusinessHours always(ZoneId zone) {
        return new BusinessHours(zone, Set.of(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    boolean alwaysOpen() {
        return days.isEmpty()
                || days.size() == 7
                        && opens.equals(LocalTime.MIDNIGHT)
                        && (closes.equals(LocalTime.MAX) || closes.equals(LocalTime.MIDNIGHT));
    }

    boolean isOpen(Instant now) {
        if (alwaysOpen()) {
            return true;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** When the team is next back: {@code now} itself while open, else the next opening. */
    ZonedDateTime nextOpening(Instant now) {
        if (isOpen(now)) {
            return now.atZone(zone);
        }
        ZonedDateTime local = now.atZone(zone);
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime candidate =
                    local.toLocalDate().plusDays(day).atTime(opens).atZone(zone);
            if (days.contains(candidate.getDayOfWeek()) && candidate.isAfter(local)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no opening within a week: " + this);
    }

    /** The latest opening at or before {@code now} while open (the start of today's window); the epoch when always open. */
    Instant openedAt(Instant now) {
        if (alwaysOpen()) {
            return Instant.EPOCH;
        }
        return now.atZone(zone).toLocalDate().atTime(opens).atZone(zone).toInstant();
    }
}
