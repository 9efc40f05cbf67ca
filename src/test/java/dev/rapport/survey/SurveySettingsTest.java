package dev.rapport.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveySettingsTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFileHoldsTheDefaults() {
        assertThat(SurveySettings.load(Path.of("config/surveys.yaml"))).isEqualTo(SurveySettings.DEFAULTS);
        assertThat(SurveySettings.DEFAULTS.expiry()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aMissingFileMeansTheDefaultsAndValuesAreRead() throws IOException {
        assertThat(SurveySettings.load(dir.resolve("none.yaml"))).isEqualTo(SurveySettings.DEFAULTS);
        Path file = dir.resolve("surveys.yaml");
        Files.writeString(file, "expiry_hours: 24\nfrequency_cap_days: 0\n");
        assertThat(SurveySettings.load(file)).isEqualTo(new SurveySettings(Duration.ofHours(24), Duration.ZERO));
    }

    @Test
    void aWrongValueNamesFileLineColumnSettingValueAndWhatIsExpected() throws IOException {
        Path file = dir.resolve("surveys.yaml");
        Files.writeString(file, "expiry_hours: soon\n");
        assertThatThrownBy(() -> SurveySettings.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1:15: expiry_hours: expected a whole number, got \"soon\"");
        Files.writeString(file, "frequency_cap_days: 30\nexpiry_hours: 0\n");
        assertThatThrownBy(() -> SurveySettings.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2:15: expiry_hours: expected a whole number from 1 to 8760, got 0");
        Files.writeString(file, "expiry_hour: 3\n");
        assertThatThrownBy(() -> SurveySettings.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file
                        + ":1:1: expiry_hour: unknown setting; known at the top: expiry_hours, frequency_cap_days");
    }
}
