package dev.rapport.handoff;

import java.time.Instant;

/**
 * One reason a chat was handed to a person; a handoff accumulates them in the order they came.
 *
 * @param reason the code from {@code config/handoff.yaml} ({@code asked_for_person}, {@code sla_breach}, ...)
 * @param detail what exactly happened, for the person ({@code "sentiment -0.82"}); may be null
 * @param at     when it was raised
 */
public record HandoffReason(String reason, String detail, Instant at) {}
