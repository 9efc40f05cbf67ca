package dev.rapport.handoff;

import dev.rapport.domain.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What the customer is told about a person coming: their place in the queue and roughly how long,
 * or, outside business hours, when the team is back. Stateless apart from immutable settings;
 * thread-safe.
 */
final class QueueNotice {

    private final HandoffSettings settings;
    private final HandoffQueries queries;
    private final Clock clock;

    QueueNotice(HandoffSettings settings, HandoffQueries queries, Clock clock) {
        this.settings = settings;
        this.queries = queries;
        this.clock = clock;
    }

    record Notice(String key, Map<String, ?> vars) {}

    /** Told when the handoff opens. */
    Notice opened(Handle handle, long handoffId, boolean forManager, Language language) {
        Instant now = clock.instant();
        if (!settings.hours().isOpen(now)) {
            return new Notice(
                    forManager ? "handoff.opened_manager_after_hours" : "handoff.opened_after_hours",
                    Map.of("back", back(settings.hours().nextOpening(now), language)));
        }
        if (forManager) {
            return new Notice("handoff.opened_manager", Map.of());
        }
        return new Notice("handoff.opened", place(handle, handoffId));
    }

    /** Told again when nobody answered in time. */
    Notice stillWaiting(Handle handle, long handoffId) {
        return new Notice("handoff.still_waiting", place(handle, handoffId));
    }

    private Map<String, Object> place(Handle handle, long handoffId) {
        int place = Math.max(1, queries.place(handle, handoffId));
        long minutes = Math.max(1, settings.minutesPerChat().multipliedBy(place).toMinutes());
        return Map.of("place", place, "minutes", minutes);
    }

    /** "Monday 09:00" / "星期一 09:00", in the team's time zone. */
    static String back(ZonedDateTime when, Language language) {
        return DateTimeFormatter.ofPattern("EEEE HH:mm", language.locale()).format(when);
    }
}
