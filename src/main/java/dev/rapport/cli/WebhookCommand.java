package dev.rapport.cli;

import dev.rapport.channel.telegram.StaffGroupDecoder;
import dev.rapport.channel.telegram.TelegramWebhookAdmin;
import dev.rapport.config.ConfigException;
import dev.rapport.config.RapportConfig;
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

    static TelegramWebhookAdmin admin(RapportConfig config) {
        if (!config.telegram().enabled()) {
            throw new ConfigException("Setting telegram.bot_token (environment TELEGRAM_BOT_TOKEN) is empty: "
                    + "expected the token @BotFather gave your bot");
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

        @Override
        public Integer call() throws Exception {
            RapportConfig settings = config.load();
            if (settings.telegram().publicUrl().isEmpty()) {
                throw new ConfigException("Setting telegram.public_url (environment PUBLIC_URL) is empty: expected "
                        + "the https:// address where Telegram can reach this server");
            }
            List<String> types = allowedUpdates(settings);
            admin(settings)
                    .set(settings.telegram().publicUrl(), settings.telegram().webhookSecret(), types);
            System.out.println("Webhook set to " + settings.telegram().publicUrl() + "/telegram/webhook, for updates: "
                    + String.join(", ", types));
            if (settings.telegram().staffGroup().enabled()) {
                System.out.println(
                        "Staff group " + settings.telegram().staffGroup().groupId() + ": the bot must be an "
                                + "administrator there with 'Manage topics'; `serve` checks it at start-up.");
            }
            return 0;
        }
    }

    @Command(name = "info", description = "getWebhookInfo: where Telegram delivers, pending updates, last error.")
    static final class Info implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() throws Exception {
            System.out.println(admin(config.load()).info());
            return 0;
        }
    }

    @Command(name = "delete", description = "deleteWebhook (pending updates are kept).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() throws Exception {
            admin(config.load()).delete();
            System.out.println("Webhook deleted.");
            return 0;
        }
    }
}
