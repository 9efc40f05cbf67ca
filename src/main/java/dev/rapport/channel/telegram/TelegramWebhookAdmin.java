package dev.rapport.channel.telegram;

import dev.rapport.config.RapportConfig;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Registers, shows and removes the bot's webhook (the {@code webhook} command). Never drops
 * pending updates: updates Telegram holds while the webhook changes are delivered afterwards.
 * Thread-safe; close when done.
 */
public final class TelegramWebhookAdmin implements AutoCloseable {

    /** The path intake serves; Telegram posts updates to the public URL plus this. */
    public static final String WEBHOOK_PATH = "/telegram/webhook";

    static final int MAX_CONNECTIONS = 40;

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final OkHttpClient http;
    private final OkHttpTelegramClient client;

    public TelegramWebhookAdmin(RapportConfig.Telegram telegram) {
        if (!telegram.enabled()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not set; managing the webhook needs it");
        }
        this.http = TelegramClients.http(2);
        this.client = TelegramClients.client(http, telegram);
    }

    /** What Telegram reports about the webhook. {@code lastErrorAt} and the optional fields may be null. */
    public record WebhookStatus(
            String url,
            int pendingUpdateCount,
            Instant lastErrorAt,
            String lastErrorMessage,
            Integer maxConnections,
            List<String> allowedUpdates) {

        @Override
        public String toString() {
            var text = new StringBuilder();
            text.append("url: ")
                    .append(url == null || url.isEmpty() ? "(none)" : url)
                    .append('\n');
            text.append("pending updates: ").append(pendingUpdateCount).append('\n');
            text.append("max connections: ")
                    .append(maxConnections == null ? "(default)" : maxConnections)
                    .append('\n');
            text.append("allowed updates: ")
                    .append(
                            allowedUpdates == null
                                    ? "(all but chat_member and the like)"
                                    : String.join(", ", allowedUpdates))
                    .append('\n');
            text.append("last error: ").append(lastErrorAt == null ? "(none)" : lastErrorAt + " " + lastErrorMessage);
            return text.toString();
        }
    }

    /**
     * Points Telegram at {@code publicUrl + "/telegram/webhook"} with the secret it must send back
     * in {@code X-Telegram-Bot-Api-Secret-Token}.
     *
     * @param allowedUpdates the update kinds to receive, or null to keep Telegram's current list
     */
    public void set(String publicUrl, String secret, List<String> allowedUpdates) {
        if (publicUrl == null || !publicUrl.startsWith("https://")) {
            throw new IllegalArgumentException("PUBLIC_URL must be an https:// address Telegram can reach; got "
                    + (publicUrl == null || publicUrl.isEmpty() ? "nothing" : publicUrl));
        }
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ - "
                    + "(Telegram's rule); the one given has " + (secret == null ? 0 : secret.length())
                    + " characters or others");
        }
        String url = publicUrl.replaceAll("/+$", "") + WEBHOOK_PATH;
        var request = SetWebhook.builder()
                .url(url)
                .secretToken(secret)
                .maxConnections(MAX_CONNECTIONS)
                .dropPendingUpdates(false);
        if (allowedUpdates != null) {
            request.allowedUpdates(allowedUpdates);
        }
        Boolean done = call("setWebhook to " + url, () -> client.execute(request.build()));
        if (!Boolean.TRUE.equals(done)) {
            throw new TelegramCallException("setWebhook to " + url + " was not confirmed by Telegram", null);
        }
    }

    public WebhookStatus info() {
        WebhookInfo info = call("getWebhookInfo", () -> client.execute(new GetWebhookInfo()));
        Integer pending = info.getPendingUpdatesCount();
        Integer errorDate = info.getLastErrorDate();
        return new WebhookStatus(
                info.getUrl(),
                pending == null ? 0 : pending,
                errorDate == null || errorDate == 0 ? null : Instant.ofEpochSecond(errorDate),
                info.getLastErrorMessage(),
                info.getMaxConnections(),
                info.getAllowedUpdates() == null ? null : List.copyOf(info.getAllowedUpdates()));
    }

    /** The bot's @username (without the @), from getMe: for deep links such as t.me/&lt;username&gt;?start=… */
    public String botUsername() {
        return call("getMe", () -> client.execute(new org.telegram.telegrambots.meta.api.methods.GetMe()))
                .getUserName();
    }

    /** Removes the webhook; updates that arrive meanwhile wait at Telegram until one is set again. */
    public void delete() {
        Boolean done = call(
                "deleteWebhook",
                () -> client.execute(
                        DeleteWebhook.builder().dropPendingUpdates(false).build()));
        if (!Boolean.TRUE.equals(done)) {
            throw new TelegramCallException("deleteWebhook was not confirmed by Telegram", null);
        }
    }

    @Override
    public void close() {
        TelegramClients.shutdown(http);
    }

    private interface Call<T> {
        T run() throws TelegramApiException;
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (TelegramApiRequestException e) {
            String hint = e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)
                    ? " (check TELEGRAM_BOT_TOKEN)"
                    : "";
            throw new TelegramCallException(
                    what + " failed: [" + e.getErrorCode() + "] " + e.getApiResponse() + hint, e);
        } catch (TelegramApiException e) {
            throw new TelegramCallException(
                    what + " failed: " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause() + ")")
                            + "; check TELEGRAM_API_URL and the network",
                    e);
        }
    }
}
