package dev.rapport.channel.telegram;

import dev.rapport.config.RapportConfig;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Builds the Bot API client Rapport uses for every outbound call. Stateless. */
final class TelegramClients {

    /**
     * Longest a single Bot API call may take, connect to last byte (a sendMessage normally takes well
     * under a second). The outbox's lease must be longer; the shorter this is, the sooner a crashed
     * process's replies go out again.
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private TelegramClients() {}

    /**
     * An HTTP client that allows {@code concurrency} calls at once to the one Bot API host. The
     * library's own client allows 5 per host, which would queue the outbox's sender threads
     * behind each other.
     */
    static OkHttpClient http(int concurrency) {
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, concurrency * 2));
        dispatcher.setMaxRequestsPerHost(Math.max(5, concurrency));
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, concurrency), 50, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(CALL_TIMEOUT)
                .readTimeout(CALL_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .retryOnConnectionFailure(false) // a POST that may have arrived is the outbox's call to repeat
                .build();
    }

    static OkHttpTelegramClient client(OkHttpClient http, RapportConfig.Telegram telegram) {
        return new OkHttpTelegramClient(http, telegram.botToken(), url(telegram.apiUrl()));
    }

    /** {@code https://api.telegram.org} or a local fake such as {@code http://127.0.0.1:8081}. */
    static TelegramUrl url(URI apiUrl) {
        String scheme = apiUrl.getScheme();
        if (scheme == null
                || apiUrl.getHost() == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be http(s)://host[:port], for example "
                    + "https://api.telegram.org; got " + apiUrl);
        }
        if (apiUrl.getPath() != null
                && !apiUrl.getPath().isEmpty()
                && !apiUrl.getPath().equals("/")) {
            throw new IllegalArgumentException("TELEGRAM_API_URL cannot have a path (the client always calls "
                    + "/bot<token>/<method> at the root); got " + apiUrl);
        }
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        return new TelegramUrl(scheme.toLowerCase(java.util.Locale.ROOT), apiUrl.getHost(), port, false);
    }

    static void shutdown(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
