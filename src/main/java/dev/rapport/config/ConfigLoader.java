package dev.rapport.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code config/rapport.yaml}, applies environment overrides and validates every value.
 * A wrong value throws {@link ConfigException} naming the setting, its value and what is expected,
 * so a bad start stops with one clear line instead of a stack trace later.
 */
public final class ConfigLoader {

    /** Telegram's rule for {@code secret_token} in setWebhook. */
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private ConfigLoader() {}

    public static RapportConfig load(Path file, Map<String, String> environment) {
        SettingsDocument document = readYaml(file);
        document.bind(RapportFile.class);
        var values = new Settings(flatten(document), environment, document);
        var telegram = new RapportConfig.Telegram(
                values.text("telegram.bot_token"),
                values.text("telegram.webhook_secret"),
                values.httpUrl("telegram.api_url"),
                values.text("telegram.public_url"),
                staffGroup(values));
        String databaseUrl = values.text("database_url");
        var config = new RapportConfig(
                file.toAbsolutePath().getParent(),
                values.integer("port", 0, 65535),
                values.text("database_url"),
                Path.of(values.text("data_dir", "./data")),
                Path.of(values.text("conversations_dir", "./conversations")),
                values.text("business_name", "Rapport"),
                values.zone("time_zone"),
                values.text("api_token"),
                values.choice("demo_data", "auto", java.util.List.of("auto", "on", "off"))
                                .equals("auto")
                        ? databaseUrl.isEmpty()
                        : values.text("demo_data", "auto").equals("on"),
                telegram,
                new RapportConfig.Intake(values.integer("intake.max_body_bytes", 1024, 64 * 1024 * 1024)),
                new RapportConfig.Inbox(
                        values.integer("inbox.workers", 1, 64),
                        values.integer("inbox.batch_chats", 1, 1000),
                        values.integer("inbox.settle_millis", 0, 10_000),
                        values.integer("inbox.max_attempts", 1, 100),
                        values.integer("inbox.step_limit", 1, 1000)),
                new RapportConfig.Outbox(
                        values.decimal("outbox.per_chat_per_second", 0.01, 1000),
                        values.integer("outbox.per_chat_burst", 1, 1000),
                        values.decimal("outbox.global_per_second", 0.01, 100_000),
                        values.integer("outbox.max_attempts", 1, 100),
                        values.integer("outbox.senders", 1, 256)),
                webchat(values));
        checkTelegram(config, values);
        if (config.apiEnabled() && config.apiToken().length() < 16) {
            throw new ConfigException("Setting api_token (environment " + values.envName("api_token")
                    + ") is too short: expected at least 16 characters (openssl rand -hex 32 makes a good one)");
        }
        if (!config.databaseUrl().isEmpty()) {
            DatabaseUrl.parse(config.databaseUrl());
        }
        return config;
    }

    /** The {@code webchat:} section; a file without it gets the defaults shown in the shipped rapport.yaml. */
    private static RapportConfig.Webchat webchat(Settings values) {
        return new RapportConfig.Webchat(
                values.choice("webchat.behind_proxy", "false", java.util.List.of("true", "false"))
                        .equals("true"),
                values.integer("webchat.max_text_chars", 1, 4096, 2000),
                new RapportConfig.Rate(
                        values.integer("webchat.session_messages_per_minute", 1, 100_000, 20),
                        values.integer("webchat.session_messages_burst", 1, 100_000, 10)),
                new RapportConfig.Rate(
                        values.integer("webchat.address_messages_per_minute", 1, 1_000_000, 120),
                        values.integer("webchat.address_messages_burst", 1, 1_000_000, 60)),
                new RapportConfig.Rate(
                        values.integer("webchat.address_new_sessions_per_hour", 1, 1_000_000, 30) / 60.0,
                        values.integer("webchat.address_new_sessions_burst", 1, 1_000_000, 10)),
                values.integer("webchat.new_sessions_per_hour", 1, 10_000_000, 3000),
                values.integer("webchat.max_streams", 1, 1_000_000, 2000),
                values.integer("webchat.session_streams", 1, 10_000, 10),
                values.integer("webchat.address_streams", 1, 1_000_000, 50),
                java.time.Duration.ofSeconds(values.integer("webchat.stream_heartbeat_seconds", 1, 300, 15)),
                java.time.Duration.ofSeconds(values.integer("webchat.stream_lifetime_seconds", 5, 86_400, 1800)),
                values.text("webchat.logo_url", ""));
    }

    private static RapportConfig.StaffGroup staffGroup(Settings values) {
        String groupId = values.text("telegram.staff_group_id");
        if (!groupId.isEmpty() && !groupId.matches("-100\\d{5,}")) {
            throw new ConfigException("Setting telegram.staff_group_id (environment "
                    + values.envName("telegram.staff_group_id") + ") is '" + groupId + "': expected the id of a "
                    + "supergroup, which starts with -100 (for example -1001234567890)");
        }
        return new RapportConfig.StaffGroup(
                groupId,
                values.choice("telegram.staff_group_language", "en", java.util.List.of("en", "zh")),
                values.integer("telegram.staff_group_limit", 1, 1000, 20),
                java.time.Duration.ofSeconds(values.integer("telegram.staff_group_window_seconds", 1, 3600, 60)));
    }

    private static void checkTelegram(RapportConfig config, Settings values) {
        var telegram = config.telegram();
        if (telegram.enabled() && telegram.webhookSecret().isEmpty()) {
            throw new ConfigException("Setting telegram.webhook_secret (environment "
                    + values.envName("telegram.webhook_secret") + ") is empty: a secret is required when "
                    + "TELEGRAM_BOT_TOKEN is set; expected 1-256 characters of A-Z a-z 0-9 _ -");
        }
        if (!telegram.webhookSecret().isEmpty()
                && !WEBHOOK_SECRET.matcher(telegram.webhookSecret()).matches()) {
            throw new ConfigException("Setting telegram.webhook_secret (environment "
                    + values.envName("telegram.webhook_secret") + ") has a character Telegram does not allow: "
                    + "expected 1-256 characters of A-Z a-z 0-9 _ -");
        }
        if (!telegram.botToken().isEmpty() && !telegram.botToken().matches("\\d+:[A-Za-z0-9_-]+")) {
            throw new ConfigException("Setting telegram.bot_token (environment TELEGRAM_BOT_TOKEN) is not a bot "
                    + "token: expected digits, a colon and letters, as @BotFather gives it (123456:ABC-DEF...)");
        }
        if (!telegram.publicUrl().isEmpty()) {
            URI uri = values.httpUrl("telegram.public_url");
            if (!"https".equals(uri.getScheme())) {
                throw new ConfigException("Setting telegram.public_url (environment PUBLIC_URL) is '"
                        + telegram.publicUrl() + "': expected an https:// URL (Telegram only calls HTTPS webhooks)");
            }
        }
    }

    private static SettingsDocument readYaml(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException("Settings file " + file.toAbsolutePath() + " does not exist: run Rapport from "
                    + "the project directory, or pass --config with the path of rapport.yaml");
        }
        return SettingsDocument.read(file);
    }

    /**
     * The file's values by dotted name ({@code inbox.workers}), once {@link RapportFile} has checked
     * the file's keys; the environment overrides them by name.
     */
    private static Map<String, String> flatten(SettingsDocument document) {
        var flat = new java.util.LinkedHashMap<String, String>();
        flatten("", document.root(), flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            var field = fields.next();
            String key = prefix + field.getKey();
            if (field.getValue().isObject()) {
                flatten(key + ".", field.getValue(), into);
            } else if (!field.getValue().isNull()) {
                into.put(key, field.getValue().asText());
            }
        }
    }
}
