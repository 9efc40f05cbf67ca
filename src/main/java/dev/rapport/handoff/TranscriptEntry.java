package dev.rapport.handoff;

import dev.rapport.domain.StaffRef;
import java.time.Instant;
import java.util.Map;

/**
 * One line of a customer's history as a person reads it: a message (from the customer, the bot or
 * a staff member), an internal note, or an event such as "complaint C-… opened".
 *
 * @param messageId the {@code messages} row for messages (the paging cursor of
 *                  {@link HandoffDesk#transcript}); null for notes and events
 * @param eventId   the {@code events} row for notes and events; null for messages
 * @param text      what was said or noted; for events null
 * @param staff     the staff member who wrote a reply or a note, or did what an event records; else null
 * @param eventType for events and notes, the stored type ({@code complaint.opened}, {@code handoff.note})
 * @param data      for events, their data (ids, ticket numbers, reasons); for messages their {@code kind}
 *                  ({@code text}, {@code photo} ...) and, for a file, its reference {@code file}
 *                  ({@code webchat:<id>} for a web chat upload, else the channel's file id)
 * @param handoffId the handoff the line belongs to, when known
 */
public record TranscriptEntry(
        Kind kind,
        Instant at,
        Long messageId,
        Long eventId,
        String text,
        StaffRef staff,
        String eventType,
        Map<String, Object> data,
        Long handoffId) {

    public enum Kind {
        /** The customer wrote it. */
        CUSTOMER,
        /** The bot said it. */
        BOT,
        /** A staff member replied. */
        STAFF,
        /** An internal note: never sent to the customer. */
        NOTE,
        /** Something that happened (handoff claimed, complaint opened, ...). */
        EVENT
    }
}
