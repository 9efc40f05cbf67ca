package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekSplitTest {

    @Test
    void everyDayIsReadOnceAndNoWholeWeekStraddlesABoundary() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int offset = 0; offset < 9; offset++) {
            for (int length : new int[] {1, 6, 7, 8, 13, 30, 31, 90, 365}) {
                LocalDate from = start.plusDays(offset);
                LocalDate to = from.plusDays(2L * length - 1);
                LocalDate boundary = from.plusDays(length);
                var split = WeekSplit.of(from, to, List.of(from, boundary));
                var read = new ArrayList<LocalDate>(split.cutDays());
                for (LocalDate week = split.firstWeek(); !week.isAfter(split.lastWeek()); week = week.plusWeeks(1)) {
                    if (split.cutWeeks().contains(week)) {
                        continue;
                    }
                    LocalDate sunday = week.plusDays(6);
                    assertThat(week).isAfter(from);
                    assertThat(sunday).isBefore(to);
                    assertThat(!boundary.isBefore(week) && !boundary.isAfter(sunday))
                            .as("week %s straddles %s", week, boundary)
                            .isFalse();
                    for (LocalDate day = week; !day.isAfter(sunday); day = day.plusDays(1)) {
                        read.add(day);
                    }
                }
                assertThat(read).as("%s..%s", from, to).doesNotHaveDuplicates().hasSize(2 * length);
                assertThat(read).allMatch(day -> !day.isBefore(from) && !day.isAfter(to));
            }
        }
    }

    @Test
    void aYearIsReadMostlyByWeek() {
        var split =
                WeekSplit.of(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 12, 6), List.of(LocalDate.of(2025, 12, 7)));
        assertThat(split.cutWeeks()).hasSizeBetween(2, 3);
        assertThat(split.cutDays()).hasSizeLessThanOrEqualTo(21);
    }
}
