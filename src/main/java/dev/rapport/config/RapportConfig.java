package dev.rapport.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rapport's configuration: {@code config/rapport.yaml} overridden by the environment, validated by
 * {@link ConfigLoader}. Immutable; every value here has passed validation.
 *
 * @param configDir the directory of the settings file; features read their own files there
 *                  ({@code complaints.yaml}, {@code tiers.yaml}, …)
 * @param demoData  seed the demo shop into a database without imported customers
 */
public record RapportConfig(
        Path configDir,
        int port,
        String databaseUrl,
        Path dataDir,
        Path conversationsDir,
        String businessName,
        java.time.ZoneId timeZone,
        String apiToken,
        boolean demoData,
        Telegram telegram,
        Intake intake,
        Inbox inbox,
        Outbox outbox,
        Webchat webchat) {

    /** Telegram connection. Without a bot token Rapport runs with the web chat only. */
    public record Telegram(String botToken, String webhookSecret, URI apiUrl, String publicUrl, StaffGroup staffGroup) {

        /** Without a staff group (handoffs are worked in the console only). */
        public Telegram(String botToken, String webhookSecret, URI apiUrl, String publicUrl) {
            this(botToken, webhookSecret, apiUrl, publicUrl, StaffGroup.NONE);
        }

        public boolean enabled() {
            return !botToken.isEmpty();
        }
    }

    /**
     * The forum supergroup staff answer customers from (one topic per customer); {@code groupId} empty
     * when there is none. At most {@code limit} posts go into the group per {@code window} (Telegram:
     * about 20 a minute); {@code language} is the language of what Rapport writes there.
     */
    public record StaffGroup(String groupId, String language, int limit, java.time.Duration window) {

        public static final StaffGroup NONE = new StaffGroup("", "en", 20, java.time.Duration.ofMinutes(1));

        public boolean enabled() {
            return !groupId.isEmpty();
        }
    }

    public record Intake(int maxBodyBytes) {}

    /**
     * Inbox workers. {@code settleMillis} is the per-chat reorder window: a chat is claimed once its
     * newest pending update is that old, so updates posted out of order are still handled in
     * {@code update_id} order.
     */
    public record Inbox(int workers, int batchChats, int settleMillis, int maxAttempts, int stepLimit) {}

    /** Outbox sender: rates in messages per second, as Telegram documents its limits. */
    public record Outbox(
            double perChatPerSecond, int perChatBurst, double globalPerSecond, int maxAttempts, int senders) {}

    /**
     * The web chat's limits. Rates are token buckets: {@code perMinute} refill, {@code burst} at once.
     * Per-address limits count the client address ({@code behindProxy}: the last {@code X-Forwarded-For}
     * entry, which the proxy in front wrote); per-session and per-address limits hold per instance,
     * {@code newSessionsPerHour} for all instances together. {@code logoUrl} is the image the page shows
     * beside the business name in its header; empty for none.
     */
    public record Webchat(
            boolean behindProxy,
            int maxTextChars,
            Rate sessionMessages,
            Rate addressMessages,
            Rate addressNewSessions,
            int newSessionsPerHour,
            int maxStreams,
            int sessionStreams,
            int addressStreams,
            java.time.Duration streamHeartbeat,
            java.time.Duration streamLifetime,
            String logoUrl) {}

    /** A token bucket: {@code perMinute} tokens a minute, at most {@code burst} saved up. */
    public record Rate(double perMinute, int burst) {}

    /** True when the business's HTTP API ({@code /api/...}) is on: it needs a bearer token. */
    public boolean apiEnabled() {
        return !apiToken.isEmpty();
    }

    /** A feature's settings file, next to {@code rapport.yaml}. */
    public Path featureFile(String name) {
        return configDir.resolve(name);
    }

    public boolean embeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    /** The settings as logged to the database at each load: secrets replaced by whether they are set. */
    public Map<String, Object> redacted() {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("port", port);
        settings.put(
                "database_url",
                databaseUrl.isEmpty()
                        ? "(embedded)"
                        : DatabaseUrl.parse(databaseUrl).redacted());
        settings.put("data_dir", dataDir.toString());
        settings.put("conversations_dir", conversationsDir.toString());
        settings.put("business_name", businessName);
        settings.put("time_zone", timeZone.getId());
        settings.put("api_token", apiToken.isEmpty() ? "(unset)" : "(set)");
        settings.put("demo_data", demoData);
        settings.put("telegram.bot_token", telegram.botToken().isEmpty() ? "(unset)" : "(set)");
        settings.put("telegram.webhook_secret", telegram.webhookSecret().isEmpty() ? "(unset)" : "(set)");
        settings.put("telegram.api_url", telegram.apiUrl().toString());
        settings.put("telegram.public_url", telegram.publicUrl());
        settings.put("telegram.staff_group", telegram.staffGroup());
        settings.put("intake", intake);
        settings.put("inbox", inbox);
        settings.put("outbox", outbox);
        settings.put("webchat", webchat);
        return settings;
    }
}
