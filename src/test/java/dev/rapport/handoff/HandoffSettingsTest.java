package dev.rapport.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.ConfigException;
import dev.rapport.domain.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffSettingsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path directory;

    HandoffSettings load(String yaml) throws IOException {
        Path file = directory.resolve("handoff.yaml");
        Files.writeString(file, yaml);
        return HandoffSettings.load(file, SHANGHAI);
    }

    @Test
    void theShippedFileLoadsAndNamesEveryReasonRapportRaises() {
        var settings = HandoffSettings.load(Path.of("config/handoff.yaml"), SHANGHAI);
        assertThat(settings.rules().keySet()).containsAll(HandoffSettings.DEFAULT_RULES.keySet());
        assertThat(settings.rule("complaint").tiers()).containsExactly(Tier.KEY);
        assertThat(settings.rule("cancel").tiers()).containsExactlyInAnyOrder(Tier.KEY, Tier.MAJOR);
        assertThat(settings.rule("low_handoff_csat").manager()).isTrue();
        assertThat(settings.queueOrder()).containsExactly("tier", "priority", "waiting");
        assertThat(settings.hours().isOpen(Instant.now())).isTrue();
        assertThat(settings.noAnswerAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aMissingFileMeansTheDefaults() {
        var settings = HandoffSettings.load(directory.resolve("none.yaml"), SHANGHAI);
        assertThat(settings.rule("asked_for_person").escalate()).isTrue();
        assertThat(settings.rule("not_understood").escalate()).isFalse();
        assertThat(settings.rule("something_new").priority()).isEqualTo(2);
    }

    @Test
    void wrongValuesNameFileLineColumnTheFieldTheValueAndWhatIsExpected() {
        Path file = directory.resolve("handoff.yaml");
        assertThatThrownBy(() -> load("reasons:\n  asked_for_person: {priority: whenever}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        file + ":2:32: reasons.asked_for_person.priority: expected one of [urgent, high, normal, low], "
                                + "got \"whenever\"");
        assertThatThrownBy(() -> load("reasons:\n  cancel: {tiers: [gold]}\n"))
                .hasMessage(file + ":2:20: reasons.cancel.tiers[0]: expected tiers from key, major, ordinary, small, "
                        + "got \"gold\"");
        assertThatThrownBy(() -> load("reasons:\n  cancel: {escalate: 1}\n"))
                .hasMessage(file + ":2:22: reasons.cancel.escalate: expected true or false, got 1");
        assertThatThrownBy(() -> load("queue_order: [tier, tier]\n")).hasMessageContaining("queue_order[1]");
        assertThatThrownBy(() -> load("business_hours: {hours: \"18:00-09:00\"}\n"))
                .hasMessageContaining("09:00-18:00");
        assertThatThrownBy(() -> load("business_hours: {days: [someday]}\n")).hasMessageContaining("mon, tue");
        assertThatThrownBy(() -> load("no_answer_after: soon\n"))
                .hasMessage(
                        file + ":1:18: no_answer_after: expected a duration such as 30s, 10m, 2h or 3d, got \"soon\"");
        assertThatThrownBy(() -> load("reason:\n  x: {}\n"))
                .hasMessage(file + ":1:1: reason: unknown setting; known at the top: business_hours, check_every, "
                        + "minutes_per_chat, no_answer_after, queue_order, reasons");
        assertThatThrownBy(() -> load("reasons:\n  cancel: {prio: high}\n"))
                .hasMessage(
                        file + ":2:12: reasons.cancel.prio: unknown setting; known here: escalate, manager, priority, "
                                + "tiers");
    }

    @Test
    void businessHoursKnowWhenTheTeamIsBack() throws IOException {
        var hours = load("""
                business_hours:
                  time_zone: Asia/Shanghai
                  days: [mon, tue, wed, thu, fri]
                  hours: "09:00-18:00"
                """).hours();
        // Saturday 10:00 in Shanghai: closed, back on Monday 09:00.
        Instant saturday = ZonedDateTime.of(2026, 12, 5, 10, 0, 0, 0, SHANGHAI).toInstant();
        assertThat(hours.isOpen(saturday)).isFalse();
        ZonedDateTime back = hours.nextOpening(saturday);
        assertThat(back.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(back.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(QueueNotice.back(back, dev.rapport.domain.Language.EN)).isEqualTo("Monday 09:00");
        assertThat(QueueNotice.back(back, dev.rapport.domain.Language.ZH)).isEqualTo("星期一 09:00");
        // Monday 08:59 → 09:00 the same day; Monday 12:00 is open.
        assertThat(hours.nextOpening(ZonedDateTime.of(2026, 12, 7, 8, 59, 0, 0, SHANGHAI)
                                .toInstant())
                        .getDayOfMonth())
                .isEqualTo(7);
        assertThat(hours.isOpen(
                        ZonedDateTime.of(2026, 12, 7, 12, 0, 0, 0, SHANGHAI).toInstant()))
                .isTrue();
        assertThat(hours.days())
                .isEqualTo(Set.of(
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY));
    }
}
