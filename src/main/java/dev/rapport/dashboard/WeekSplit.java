package dev.rapport.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How {@link SurveyFigures} reads the days {@code from} to {@code to} (both included): whole weeks
 * (Monday to Sunday) from the weekly rollup, and every day of a week that is cut — by {@code from},
 * by {@code to}, or by one of the {@code boundaries} (a day that starts another period, so the week
 * straddles two periods) — from the daily rollup. Each day of the span is read exactly once; a whole
 * week lies inside one period, so its Monday stands for all its days. Immutable.
 *
 * @param firstWeek the Monday of the week of {@code from}
 * @param lastWeek  the Monday of the week of {@code to}
 * @param cutWeeks  the Mondays of the weeks read day by day (never read from the weekly rollup)
 * @param cutDays   the days of the cut weeks within {@code from}..{@code to}
 */
record WeekSplit(LocalDate firstWeek, LocalDate lastWeek, List<LocalDate> cutWeeks, List<LocalDate> cutDays) {

    WeekSplit {
        cutWeeks = List.copyOf(cutWeeks);
        cutDays = List.copyOf(cutDays);
    }

    static WeekSplit of(LocalDate from, LocalDate to, List<LocalDate> boundaries) {
        List<LocalDate> cutWeeks = cuts(from, to, boundaries);
        return new WeekSplit(monday(from), monday(to), cutWeeks, days(from, to, cutWeeks));
    }

    static LocalDate monday(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /** ISO dates, bound as text and cast to {@code date[]} in SQL. */
    static List<String> texts(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toList();
    }

    private static List<LocalDate> cuts(LocalDate from, LocalDate to, List<LocalDate> boundaries) {
        var weeks = new TreeSet<LocalDate>();
        weeks.add(monday(from));
        weeks.add(monday(to));
        for (LocalDate boundary : boundaries) {
            if (!boundary.isBefore(from) && !boundary.isAfter(to)) {
                weeks.add(monday(boundary));
            }
        }
        return List.copyOf(weeks);
    }

    private static List<LocalDate> days(LocalDate from, LocalDate to, List<LocalDate> weeks) {
        var days = new ArrayList<LocalDate>();
        for (LocalDate monday : weeks) {
            for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    days.add(day);
                }
            }
        }
        return days;
    }
}
