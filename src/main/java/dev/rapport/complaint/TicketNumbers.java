package dev.rapport.complaint;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Handle;

/**
 * Ticket numbers a person can read over the phone: {@code C-240117-0042} — the date in the
 * business's time zone and that day's sequence number (four digits, more after the 9999th).
 *
 * <p>Unique across instances: the day's counter row is incremented with an upsert, which locks the
 * row until the caller's transaction ends, and {@code complaints.ticket} is unique as well. A
 * rolled-back transaction gives its number back. Stateless; thread-safe.
 */
final class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private TicketNumbers() {}

    /** The next ticket number of today (the database's clock, in {@code zone}), in the caller's transaction. */
    static String next(Handle handle, ZoneId zone) {
        // The database's clock, as for created_at; the date is taken in Java, which reads every zone
        // id the configuration accepts (PostgreSQL reads offsets such as +08:00 the POSIX way round).
        LocalDate day = handle.createQuery("SELECT now()")
                .mapTo(java.time.OffsetDateTime.class)
                .one()
                .atZoneSameInstant(zone)
                .toLocalDate();
        int sequence =
                handle.createQuery("""
                        INSERT INTO complaint_ticket_days (day, last) VALUES (:day, 1)
                        ON CONFLICT (day) DO UPDATE SET last = complaint_ticket_days.last + 1
                        RETURNING last""").bind("day", day).mapTo(Integer.class).one();
        return format(day, sequence);
    }

    static String format(LocalDate day, int sequence) {
        return "C-" + DAY.format(day) + "-" + String.format("%04d", sequence);
    }

    /** A ticket number as a person may type it ({@code c-240117-0042 }) in the stored form. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
