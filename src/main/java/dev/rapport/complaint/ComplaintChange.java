package dev.rapport.complaint;

import java.time.Instant;

/**
 * One row of a ticket's history ({@code complaint_events}).
 *
 * @param type       {@code opened}, {@code status_changed}, {@code sla_breached}, {@code followup_sent}, ...
 * @param fromStatus null unless the status changed
 * @param actor      {@code customer}, {@code staff:<name>} or {@code system:<job>}
 * @param data       further facts as stored JSON
 */
public record ComplaintChange(
        String type, String fromStatus, String toStatus, String actor, String reason, String data, Instant at) {}
