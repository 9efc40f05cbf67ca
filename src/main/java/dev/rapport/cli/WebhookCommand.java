package dev.rapport.cli;

import dev.rapport.channel.telegram.StaffGroupDecoder;
import dev.rapport.channel.telegram.TelegramWebhookAdmin;
import dev.rapport.config.ConfigException;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Labels;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "webhook",
        description = "Connects Rapport's webhook to the Telegram bot.",
        subcommands = {WebhookCommand.Set.class, WebhookCommand.Info.class, WebhookCommand.Delete.class})
final class WebhookCommand {

    /** The update types Rapport handles; Telegram sends nothing else. */
    static final List<String> ALLOWED_UPDATES =
            List.of("message", "edited_message", "callback_query", "my_chat_member");

    /** What to ask Telegram for: the customers' types, and with a staff group the types it needs too. */
    static List<String> allowedUpdates(RapportConfig config) {
        var types = new java.util.LinkedHashSet<>(ALLOWED_UPDATES);
        if (config.telegram().staffGroup().enabled()) {
            types.addAll(StaffGroupDecoder.UPDATE_TYPES);
        }
        return List.copyOf(types);
    }

    static TelegramWebhookAdmin admin(RapportConfig config, Labels labels) {
        if (!config.telegram().enabled()) {
            throw new ConfigException(labels.get("webhook.no_token"));
        }
        return new TelegramWebhookAdmin(config.telegram());
    }

    @Command(
            name = "set",
            description =
                    "setWebhook: PUBLIC_URL/telegram/webhook with the secret and the update types Rapport handles.")
    static final class Set implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() throws Exception {
            RapportConfig settings = config.load();
            var labels = lang.labels();
            if (settings.telegram().publicUrl().isEmpty()) {
                throw new ConfigException(labels.get("webhook.no_public_url"));
            }
            List<String> types = allowedUpdates(settings);
            admin(settings, labels)
                    .set(settings.telegram().publicUrl(), settings.telegram().webhookSecret(), types);
            System.out.println(labels.get(
                    "webhook.set", settings.telegram().publicUrl() + "/telegram/webhook", String.join(", ", types)));
            if (settings.telegram().staffGroup().enabled()) {
                System.out.println(labels.get(
                        "webhook.staff_group", settings.telegram().staffGroup().groupId()));
            }
            return 0;
        }
    }

    @Command(name = "info", description = "getWebhookInfo: where Telegram delivers, pending updates, last error.")
    static final class Info implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() throws Exception {
            var labels = lang.labels();
            var info = admin(config.load(), labels).info();
            String none = labels.get("webhook.info.none");
            System.out.println(labels.get("webhook.info.url", blank(info.url()) ? none : info.url()));
            System.out.println(labels.get("webhook.info.pending", info.pendingUpdateCount()));
            System.out.println(labels.get(
                    "webhook.info.max_connections",
                    info.maxConnections() == null ? labels.get("webhook.info.default") : info.maxConnections()));
            System.out.println(labels.get(
                    "webhook.info.allowed_updates",
                    info.allowedUpdates() == null
                            ? labels.get("webhook.info.all_updates")
                            : String.join(", ", info.allowedUpdates())));
            System.out.println(labels.get(
                    "webhook.info.last_error",
                    info.lastErrorAt() == null ? none : info.lastErrorAt() + " " + info.lastErrorMessage()));
            return 0;
        }

        private static boolean blank(String text) {
            return text == null || text.isEmpty();
        }
    }

    @Command(name = "delete", description = "deleteWebhook (pending updates are kept).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() throws Exception {
            var labels = lang.labels();
            admin(config.load(), labels).delete();
            System.out.println(labels.get("webhook.deleted"));
            return 0;
        }
    }
}
