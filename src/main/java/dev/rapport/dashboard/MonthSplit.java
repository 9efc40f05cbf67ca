package dev.rapport.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link ComplaintFigures} counts the complaints made in a span of instants {@code [from, to)}:
 * the UTC months wholly inside it from {@code complaint_counts_monthly} (V103), the instants before
 * the first and after the last of them from {@code complaint_figures}. Each instant of the span is
 * read exactly once. A figure with two periods splits each period on its own, so no month straddles
 * the boundary between them. Immutable.
 *
 * @param months the whole months, as {@code [first month's start, last month's end)}; empty when none
 * @param rows   the rest, up to two {@code [from, to)} spans read row by row
 */
record MonthSplit(List<Instant[]> months, List<Instant[]> rows) {

    MonthSplit {
        months = List.copyOf(months);
        rows = List.copyOf(rows);
    }

    static MonthSplit of(Instant from, Instant to) {
        Instant first = monthStart(from);
        if (first.isBefore(from)) {
            first = next(first);
        }
        Instant last = monthStart(to); // the end of the last whole month
        var months = new ArrayList<Instant[]>();
        var rows = new ArrayList<Instant[]>();
        if (!first.isBefore(last)) { // no whole month inside
            if (from.isBefore(to)) {
                rows.add(new Instant[] {from, to});
            }
            return new MonthSplit(months, rows);
        }
        months.add(new Instant[] {first, last});
        if (from.isBefore(first)) {
            rows.add(new Instant[] {from, first});
        }
        if (last.isBefore(to)) {
            rows.add(new Instant[] {last, to});
        }
        return new MonthSplit(months, rows);
    }

    /** Both spans' months and rows together. */
    MonthSplit and(MonthSplit other) {
        var months = new ArrayList<>(this.months);
        months.addAll(other.months);
        var rows = new ArrayList<>(this.rows);
        rows.addAll(other.rows);
        return new MonthSplit(months, rows);
    }

    /** The start of the UTC month that holds {@code instant}. */
    static Instant monthStart(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC)
                .with(TemporalAdjusters.firstDayOfMonth())
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
    }

    private static Instant next(Instant monthStart) {
        return monthStart.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    }
}
