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
        assertThat(shipped.slaHours()).isEqualTo(defaults.slaHours())
                .containsEntry(Tier.KEY, 1).containsEntry(Tier.MAJOR, 4).containsEntry(Tier.ORDINARY, 24)
                .containsEntry(Tier.SMALL, 48);
        assertThat(shipped.followupAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(shipped.closeUnansweredAfter()).isEqualTo(Duration.ofHours(72));
        assertThat(shipped.orderPattern().pattern()).isEqualTo(defaults.orderPattern().pattern());
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
    void wrongValuesNameTheFileTheSettingTheValueAndWhatIsExpected() throws IOException {
        assertThatThrownBy(() -> ComplaintsConfig.load(file("sla_hours: {key: soon}\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("complaints.yaml").hasMessageContaining("sla_hours.key")
                .hasMessageContaining("'soon'").hasMessageContaining("a whole number of hours from 1 to 720");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("followup_after: 1 week\n")))
                .hasMessageContaining("followup_after is '1 week': expected a duration such as 30m, 1h or 3d");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("order_reference: {pattern: \"[A-Z\"}\n")))
                .hasMessageContaining("order_reference.pattern").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("order_reference: {example: nope}\n")))
                .hasMessageContaining("order_reference.example is 'nope'");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("sla_hour: {key: 1}\n")))
                .hasMessageContaining("unknown setting 'sla_hour'").hasMessageContaining("sla_hours");
        assertThatThrownBy(() -> ComplaintsConfig.load(file("sla_hours: {vip: 1}\n")))
                .hasMessageContaining("unknown setting 'sla_hours.vip'");
    }
}
