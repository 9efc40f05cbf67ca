package dev.rapport.config;

/**
 * The shape of {@code config/rapport.yaml}: every key the file may hold. Binding the file to it (see
 * {@link SettingsDocument#bind}) rejects a key that is not here and a list or map where a value
 * goes, at its {@code file:line:column}, as for the feature settings files. Values are kept as
 * written: the environment overrides each one by name, and {@link Settings} checks the value that
 * wins (range, format) with a message naming both the setting and its environment variable.
 */
record RapportFile(
        String port,
        String databaseUrl,
        String dataDir,
        String conversationsDir,
        String businessName,
        String timeZone,
        String apiToken,
        String demoData,
        Telegram telegram,
        Intake intake,
        Inbox inbox,
        Outbox outbox,
        Webchat webchat) {

    record Telegram(
            String botToken,
            String webhookSecret,
            String apiUrl,
            String publicUrl,
            String staffGroupId,
            String staffGroupLanguage,
            String staffGroupLimit,
            String staffGroupWindowSeconds) {}

    record Intake(String maxBodyBytes) {}

    record Inbox(String workers, String batchChats, String settleMillis, String maxAttempts, String stepLimit) {}

    record Outbox(
            String perChatPerSecond, String perChatBurst, String globalPerSecond, String maxAttempts, String senders) {}

    record Webchat(
            String behindProxy,
            String maxTextChars,
            String sessionMessagesPerMinute,
            String sessionMessagesBurst,
            String addressMessagesPerMinute,
            String addressMessagesBurst,
            String addressNewSessionsPerHour,
            String addressNewSessionsBurst,
            String newSessionsPerHour,
            String maxStreams,
            String sessionStreams,
            String addressStreams,
            String streamHeartbeatSeconds,
            String streamLifetimeSeconds,
            String logoUrl) {}
}
