package dev.rapport.survey;

import dev.rapport.config.ConfigException;
import dev.rapport.config.SettingsDocument;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The survey settings of {@code config/surveys.yaml}, validated. A missing file means the defaults.
 *
 * @param expiry       how long after it was first shown an unfinished response can be resumed; then it
 *                     expires (default 72 hours)
 * @param frequencyCap at most one survey per customer in this period (complaint follow-ups neither
 *                     wait for it nor count toward it; default 30 days)
 */
public record SurveySettings(Duration expiry, Duration frequencyCap) {

    public static final SurveySettings DEFAULTS = new SurveySettings(Duration.ofHours(72), Duration.ofDays(30));

    /** The file as written; a setting left out is null. */
    record File(Integer expiryHours, Integer frequencyCapDays) {}

    /** @throws ConfigException naming file, line, column, the setting, the value and what is expected */
    public static SurveySettings load(Path file) {
        var document = SettingsDocument.read(file);
        File read = document.bind(File.class);
        return new SurveySettings(
                Duration.ofHours(document.whole(
                        read.expiryHours(), (int) DEFAULTS.expiry.toHours(), 1, 24 * 365, "expiry_hours")),
                Duration.ofDays(document.whole(
                        read.frequencyCapDays(), (int) DEFAULTS.frequencyCap.toDays(), 0, 3650, "frequency_cap_days")));
    }
}
