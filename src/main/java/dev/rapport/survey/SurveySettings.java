package dev.rapport.survey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

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
    private static final Set<String> KNOWN = Set.of("expiry_hours", "frequency_cap_days");

    /** @throws ConfigException naming the file, the setting, the value and what is expected */
    public static SurveySettings load(Path file) {
        var read = dev.rapport.config.FeatureSettings.read(file);
        if (read.isEmpty()) {
            return DEFAULTS;
        }
        JsonNode root = read.get();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw new ConfigException(file + ": unknown setting '" + name + "'; known settings: "
                        + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        return new SurveySettings(
                Duration.ofHours(whole(file, root, "expiry_hours", DEFAULTS.expiry.toHours(), 1, 24 * 365)),
                Duration.ofDays(whole(file, root, "frequency_cap_days", DEFAULTS.frequencyCap.toDays(), 0, 3650)));
    }

    private static long whole(Path file, JsonNode root, String name, long fallback, long min, long max) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.canConvertToLong() && value.isIntegralNumber() && value.asLong() >= min && value.asLong() <= max) {
            return value.asLong();
        }
        throw new ConfigException(file + ": setting " + name + " is '" + value.asText() + "': expected a whole number from "
                + min + " to " + max);
    }
}
