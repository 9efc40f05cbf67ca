package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class MonthSplitTest {

    @Test
    void everyHourOfASpanIsReadOnceAndMonthsAreWholeUtcMonths() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        for (int offset : new int[] {0, 1, 14, 30}) {
            for (int days : new int[] {1, 30, 31, 62, 365}) {
                LocalDate from = LocalDate.of(2026, 1, 1).plusDays(offset);
                Instant start = from.atStartOfDay(shanghai).toInstant();
                Instant end = from.plusDays(days).atStartOfDay(shanghai).toInstant();
                var split = MonthSplit.of(start, end);
                for (Instant[] months : split.months()) {
                    assertThat(MonthSplit.monthStart(months[0])).isEqualTo(months[0]);
                    assertThat(MonthSplit.monthStart(months[1])).isEqualTo(months[1]);
                }
                for (Instant hour = start; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
                    Instant at = hour;
                    long reads = split.months().stream()
                                    .filter(span -> !at.isBefore(span[0]) && at.isBefore(span[1]))
                                    .count()
                            + split.rows().stream()
                                    .filter(span -> !at.isBefore(span[0]) && at.isBefore(span[1]))
                                    .count();
                    assertThat(reads).as("%s in %s..%s", at, start, end).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aYearReadsElevenWholeMonthsAndTwoEnds() {
        var split = MonthSplit.of(Instant.parse("2025-12-07T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(split.months()).hasSize(1);
        assertThat(split.months().get(0))
                .containsExactly(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(split.rows()).hasSize(2);
    }
}
