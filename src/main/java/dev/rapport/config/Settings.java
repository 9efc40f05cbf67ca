package dev.rapport.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Raw settings by dotted name, with the environment variable that overrides each one, and typed,
 * validating reads. Not thread-safe; used once per load.
 */
final class Settings {

    /** Settings whose environment variable is not simply RAPPORT_ + the upper-cased name. */
    private static final Map<String, String> ENVIRONMENT_NAMES = Map.ofEntries(
            Map.entry("port", "PORT"),
            Map.entry("database_url", "DATABASE_URL"),
            Map.entry("data_dir", "RAPPORT_DATA_DIR"),
            Map.entry("telegram.bot_token", "TELEGRAM_BOT_TOKEN"),
            Map.entry("telegram.webhook_secret", "TELEGRAM_WEBHOOK_SECRET"),
            Map.entry("telegram.api_url", "TELEGRAM_API_URL"),
            Map.entry("telegram.public_url", "PUBLIC_URL"),
            Map.entry("telegram.staff_group_id", "TELEGRAM_STAFF_GROUP_ID"),
            Map.entry("intake.max_body_bytes", "RAPPORT_MAX_BODY_BYTES"),
            Map.entry("inbox.step_limit", "RAPPORT_STEP_LIMIT"),
            Map.entry("outbox.per_chat_per_second", "RATE_PER_CHAT"),
            Map.entry("outbox.per_chat_burst", "RATE_PER_CHAT_BURST"),
            Map.entry("outbox.global_per_second", "RATE_GLOBAL"));

    private final Map<String, String> file;
    private final Map<String, String> environment;
    private final SettingsDocument document;

    Settings(Map<String, String> file, Map<String, String> environment, SettingsDocument document) {
        this.file = file;
        this.environment = environment;
        this.document = document;
    }

    String envName(String setting) {
        return ENVIRONMENT_NAMES.getOrDefault(
                setting, "RAPPORT_" + setting.toUpperCase().replace('.', '_'));
    }

    String text(String setting) {
        return text(setting, "");
    }

    String text(String setting, String fallback) {
        String fromEnvironment = environment.get(envName(setting));
        if (fromEnvironment != null) {
            return fromEnvironment.trim();
        }
        return file.getOrDefault(setting, fallback).trim();
    }

    int integer(String setting, int min, int max) {
        String value = text(setting);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw wrong(setting, value, "a whole number from " + min + " to " + max);
    }

    /** A whole number that may be left out (then {@code fallback}). */
    int integer(String setting, int min, int max, int fallback) {
        return text(setting).isEmpty() ? fallback : integer(setting, min, max);
    }

    double decimal(String setting, double min, double max) {
        String value = text(setting);
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw wrong(setting, value, "a number from " + min + " to " + max);
    }

    String choice(String setting, String fallback, java.util.List<String> allowed) {
        String value = text(setting, fallback);
        if (!allowed.contains(value)) {
            throw wrong(setting, value, "one of " + String.join(", ", allowed));
        }
        return value;
    }

    java.time.ZoneId zone(String setting) {
        String value = text(setting, "UTC");
        try {
            return java.time.ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw wrong(setting, value, "an IANA time zone such as Asia/Shanghai, Europe/Berlin or UTC");
        }
    }

    URI httpUrl(String setting) {
        String value = text(setting);
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw wrong(setting, value, "an http:// or https:// URL with a host");
    }

    private ConfigException wrong(String setting, String value, String expected) {
        boolean fromFile = !environment.containsKey(envName(setting)) && file.containsKey(setting);
        return new ConfigException((fromFile ? document.where((Object[]) setting.split("\\.")) + ": " : "") + "Setting "
                + setting + " (environment " + envName(setting) + ") is '" + value + "': expected " + expected);
    }
}
