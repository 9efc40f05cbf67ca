package dev.rapport.it;

import dev.rapport.App;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.config.ConfigLoader;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rapport as it runs in production — real HTTP, a fresh real PostgreSQL database, the shipped
 * conversations — talking to a fake Telegram Bot API server. For integration tests.
 */
public final class RunningRapport implements AutoCloseable {

    public static final String SECRET = "test-secret_123";

    public final FakeTelegramApi telegram;
    public final Database database;
    private final Map<String, String> environment;
    private final Path configFile;
    private App app;
    private final java.util.concurrent.atomic.AtomicLong nextUpdateId = new java.util.concurrent.atomic.AtomicLong(1);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningRapport(Path configFile, Map<String, String> overrides) {
        this(configFile, overrides, fake -> {});
    }

    private RunningRapport(
            Path configFile, Map<String, String> overrides, java.util.function.Consumer<FakeTelegramApi> beforeStart) {
        this(configFile, overrides, beforeStart, true);
    }

    private RunningRapport(
            Path configFile,
            Map<String, String> overrides,
            java.util.function.Consumer<FakeTelegramApi> beforeStart,
            boolean awaitReady) {
        this.configFile = configFile;
        this.telegram = new FakeTelegramApi().start();
        beforeStart.accept(telegram);
        this.database = TestDatabase.fresh();
        this.environment = new HashMap<>(Map.of(
                "PORT", "0",
                "TELEGRAM_BOT_TOKEN", FakeTelegramApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "TELEGRAM_API_URL", telegram.baseUrl(),
                "RATE_PER_CHAT", "1000",
                "RATE_PER_CHAT_BURST", "1000",
                "RATE_GLOBAL", "100000"));
        environment.putAll(overrides);
        this.app = App.start(config(), database, false);
        if (awaitReady) {
            awaitReady();
        }
    }

    public static RunningRapport start() {
        return new RunningRapport(Path.of("config/rapport.yaml"), Map.of());
    }

    public static RunningRapport start(Map<String, String> overrides) {
        return new RunningRapport(Path.of("config/rapport.yaml"), overrides);
    }

    /**
     * Starts without waiting for readiness: the server answers, the NLU models may still be loading
     * (or training, with an empty {@code RAPPORT_DATA_DIR}) and the inbox workers not yet running.
     */
    public static RunningRapport startUnready(Map<String, String> overrides) {
        return new RunningRapport(Path.of("config/rapport.yaml"), overrides, fake -> {}, false);
    }

    /** Waits until {@code /readyz} would say ready (models loaded, workers running); fails after two minutes. */
    public void awaitReady() {
        try {
            if (!app.awaitReady(Duration.ofMinutes(2))) {
                throw new AssertionError("Rapport was not ready within two minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** With another settings file: its directory holds the feature files ({@code handoff.yaml}, ...). */
    public static RunningRapport start(Path configFile, Map<String, String> overrides) {
        return new RunningRapport(configFile, overrides);
    }

    /** Starts with the fake Bot API prepared first (a forum for the staff group, say). */
    public static RunningRapport start(
            Map<String, String> overrides, java.util.function.Consumer<FakeTelegramApi> beforeStart) {
        return new RunningRapport(Path.of("config/rapport.yaml"), overrides, beforeStart);
    }

    public RapportConfig config() {
        return ConfigLoader.load(configFile, environment);
    }

    /** The running application (its services, for what staff do through the console). */
    public App app() {
        return app;
    }

    /** Stops Rapport gracefully and starts it again on the same database, with some settings changed. */
    public void restart(Map<String, String> overrides) {
        stop();
        environment.putAll(overrides);
        app = App.start(config(), database, false);
        awaitReady();
    }

    public void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /** The running engine (conversation tests run their turns on it in-process). */
    public dev.rapport.engine.Engine engine() {
        return app.engine();
    }

    /** The handoff desk staff work at (what the console shows). */
    public dev.rapport.handoff.HandoffDesk handoffs() {
        return app.handoffs();
    }

    /**
     * True once the inbox workers and then the outbox sender are idle: every update posted before the
     * call has had its turn and every reply due is sent. Assert it before asserting that nothing more
     * was sent.
     */
    public boolean awaitIdle(java.time.Duration timeout) {
        try {
            return app.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a scheduled job now, on this thread, as its schedule would. */
    public void runJob(String name) {
        app.runJob(name);
    }

    /** The web server's page routes, as registered (the console's security tests walk all of them). */
    public List<dev.rapport.feature.PageRoute> pageRoutes() {
        return app.pageRoutes();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> postUpdate(String json) {
        return postUpdate(json, SECRET);
    }

    public HttpResponse<String> postUpdate(String body, String secret) {
        var request = HttpRequest.newBuilder(URI.create(url("/telegram/webhook")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request the server answers before reading its whole body (a 413). On a busy machine its
     * early answer and close can race the upload, and the client sees a reset instead: tried again then.
     */
    public HttpResponse<String> sendAnsweredEarly(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(request);
            } catch (java.io.UncheckedIOException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public HttpClient http() {
        return http;
    }

    /**
     * Posts a private text (the next update id) and waits until the chat has received {@code total}
     * messages in all; returns the chat's sendMessage calls.
     */
    public List<FakeTelegramApi.Call> say(long chat, String text, String languageCode, int total) {
        var response = postUpdate(Updates.text(nextUpdateId.getAndIncrement(), chat, text, languageCode));
        if (response.statusCode() != 200) {
            throw new AssertionError("webhook answered " + response.statusCode() + ": " + response.body());
        }
        return awaitMessages(chat, total);
    }

    /** Waits until the chat has received {@code total} messages in all; returns its sendMessage calls. */
    public List<FakeTelegramApi.Call> awaitSent(long chat, int total) {
        return awaitMessages(chat, total);
    }

    /** Presses a button and waits until the chat has received {@code total} messages in all. */
    public List<FakeTelegramApi.Call> press(long chat, String data, int total) {
        postUpdate(Updates.button(nextUpdateId.getAndIncrement(), chat, data, 1));
        return awaitMessages(chat, total);
    }

    /** The id the next {@link #say} or {@link #press} uses. */
    public long nextUpdateId() {
        return nextUpdateId.get();
    }

    private List<FakeTelegramApi.Call> awaitMessages(long chat, int total) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> telegram.sentTexts(chat).size() >= total);
        return telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat)
                .toList();
    }

    /** A single number from SQL, for assertions. */
    public long count(String sql, Object... args) {
        return database.jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                query.bind(i, args[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    @Override
    public void close() {
        stop();
        telegram.close();
        database.close();
    }
}
