package dev.rapport.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.ConfigException;
import dev.rapport.domain.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplaintsConfigTest {

    @TempDir
    Path directory;

    private Path file(String yaml) throws IOException {
        return Files.writeString(directory.resolve("complaints.yaml"), yaml);
    }

    @Test
    void theShippedFileHoldsTheDefaults() {
        ComplaintsConfig shipped = ComplaintsConfig.load(Path.of("config/complaints.yaml"));
        ComplaintsConfig defaults = ComplaintsConfig.defaults();
        assertThat(shipped.slaHours())
                .isEqualTo(defaults.slaHours())
                .containsEntry(Tier.KEY, 1)
                .containsEntry(Tier.MAJOR, 4)
                .containsEntry(Tier.ORDINARY, 24)
                .containsEntry(Tier.SMALL, 48);
        assertThat(shipped.followupAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(shipped.closeUnansweredAfter()).isEqualTo(Duration.ofHours(72));
        assertThat(shipped.orderPattern().pattern())
                .isEqualTo(defaults.orderPattern().pattern());
        assertThat(shipped.orderPattern().matcher("a-102938").matches()).isTrue();
        assertThat(shipped.orderPattern().matcher("last week").matches()).isFalse();
    }

    @Test
    void aMissingFileRunsOnTheDefaults() {
        ComplaintsConfig config = ComplaintsConfig.load(directory.resolve("none.yaml"));
        assertThat(config.slaHours()).isEqualTo(ComplaintsConfig.defaults().slaHours());
        assertThat(config.followupAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(config.orderExample()).isEqualTo("A-102938");
        assertThat(config.slaHoursFor(Tier.SMALL)).isEqualTo(48);
    }

    @Test
    void settingsGivenReplaceTheDefaultsOneByOne() throws IOException {
        var config = ComplaintsConfig.load(file("""
                sla_hours: {key: 2}
                followup_after: 30m
                close_unanswered_after: 3d
                order_reference: {pattern: "BK[0-9]{6}", example: BK123456}
                """));
        assertThat(config.slaHoursFor(Tier.KEY)).isEqualTo(2);
        assertThat(config.slaHoursFor(Tier.MAJOR)).isEqualTo(4);
        assertThat(config.followupAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.closeUnansweredAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(config.orderPattern().matcher("bk654321").matches()).isTrue();
    }

    @Test
    void wrongValuesNameFileLineColumnSettingValueAndWhatIsExpected() throws IOException {
        Path file = file("sla_hours: {key: soon}\n");
        assertThatThrownBy(() -> ComplaintsConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1:18: sla_hours.key: expected a whole number, got \"soon\"");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("sla_hours:\n  key: 0\n")))
                .hasMessage(file + ":2:8: sla_hours.key: expected a whole number from 1 to 720, got 0");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("followup_after: 1 week\n")))
                .hasMessage(
                        file + ":1:17: followup_after: expected a duration such as 30s, 10m, 2h or 3d, got \"1 week\"");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("order_reference: {pattern: \"[A-Z\"}\n")))
                .hasMessageContaining(":1:28: order_reference.pattern: expected a Java regular expression");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("order_reference: {example: nope}\n")))
                .hasMessageContaining("order_reference.example: expected an example that order_reference.pattern "
                        + "accepts, got \"nope\"");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("sla_hour: {key: 1}\n")))
                .hasMessage(file + ":1:1: sla_hour: unknown setting; known at the top: close_unanswered_after, "
                        + "followup_after, order_reference, sla_hours");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("sla_hours:\n  vip: 1\n")))
                .hasMessage(file + ":2:3: sla_hours.vip: unknown setting; known here: key, major, ordinary, small");
    }
}
