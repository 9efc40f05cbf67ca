package dev.rapport.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void aWindowOverMidnightDefersToItsEndTheSameOrNextMorning() {
        var quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
        assertThat(quiet.deferredUntil(Instant.parse("2027-01-01T20:59:00Z"), UTC))
                .isEmpty();
        assertThat(quiet.deferredUntil(Instant.parse("2027-01-01T21:00:00Z"), UTC))
                .contains(Instant.parse("2027-01-02T09:00:00Z"));
        assertThat(quiet.deferredUntil(Instant.parse("2027-01-02T03:15:00Z"), UTC))
                .contains(Instant.parse("2027-01-02T09:00:00Z"));
        assertThat(quiet.deferredUntil(Instant.parse("2027-01-02T09:00:00Z"), UTC))
                .isEmpty();
    }

    @Test
    void aDaytimeWindowAndNoWindow() {
        var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.deferredUntil(Instant.parse("2027-01-01T12:30:00Z"), UTC))
                .contains(Instant.parse("2027-01-01T13:00:00Z"));
        assertThat(lunch.deferredUntil(Instant.parse("2027-01-01T13:30:00Z"), UTC))
                .isEmpty();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).deferredUntil(Instant.now(), UTC))
                .isEmpty();
    }
}
