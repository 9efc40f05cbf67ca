package dev.rapport.bench;

import dev.rapport.App;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.config.ConfigLoader;
import dev.rapport.it.Updates;
import dev.rapport.store.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Soak: Rapport under mixed load for a long time — Telegram updates through the webhook, and web chat
 * browsers that open the page, open the event stream, post, wait for the reply and leave: some close
 * the stream cleanly, most drop the connection without a word (a closed tab), some stay. It prints this
 * JVM's file descriptors, threads and heap (after a full GC) at the start, the middle and the end of
 * the load, and once more after the streams of browsers that left have been found and released.
 *
 * <p>Rapport, the fake Bot API and the load generator share this JVM, so the descriptor count
 * includes the generator's own open sockets (at most one stream and one HTTP connection per browser).
 *
 * <pre>bench/soak.sh [--duration=30m] [--browsers=40] [--chats=50] [--updates-per-second=20]</pre>
 */
public final class SoakBench {

    private static final Pattern OPEN_STREAMS =
            Pattern.compile("rapport_live_streams_open\\{stream=\"webchat\"\\} (\\d+)");

    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong streamsOpened = new AtomicLong();
    private final AtomicLong streamsDropped = new AtomicLong();
    private final AtomicLong repliesLive = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean running = true;
    private int port;

    public static void main(String[] args) throws Exception {
        Map<String, String> options =
                new HashMap<>(Map.of("duration", "30m", "browsers", "40", "chats", "50", "updates-per-second", "20"));
        for (String arg : args) {
            if (arg.equals("--help")) {
                System.out.println(
                        "bench/soak.sh [--duration=30m|90s] [--browsers=40] [--chats=50] [--updates-per-second=20]");
                return;
            }
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        new SoakBench()
                .run(
                        duration(options.get("duration")),
                        Integer.parseInt(options.get("browsers")),
                        Integer.parseInt(options.get("chats")),
                        Integer.parseInt(options.get("updates-per-second")));
        System.exit(0);
    }

    private void run(Duration duration, int browsers, int chats, int perSecond) throws Exception {
        var telegram = new FakeTelegramApi().start();
        var scheduled = Executors.newScheduledThreadPool(1);
        scheduled.scheduleAtFixedRate(telegram::clearCalls, 1, 1, TimeUnit.SECONDS);
        var environment = new HashMap<String, String>();
        environment.putAll(Map.of(
                "PORT",
                "0",
                "TELEGRAM_BOT_TOKEN",
                FakeTelegramApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET",
                "soak-secret",
                "TELEGRAM_API_URL",
                telegram.baseUrl(),
                "RATE_PER_CHAT",
                "1000",
                "RATE_PER_CHAT_BURST",
                "1000",
                "RATE_GLOBAL",
                "100000",
                "RAPPORT_WEBCHAT_STREAM_HEARTBEAT_SECONDS",
                "5",
                "RAPPORT_WEBCHAT_STREAM_LIFETIME_SECONDS",
                "120"));
        // Every simulated browser comes from 127.0.0.1: lift the per-address limits, keep the per-session ones.
        environment.putAll(Map.of(
                "RAPPORT_WEBCHAT_ADDRESS_NEW_SESSIONS_BURST",
                "1000000",
                "RAPPORT_WEBCHAT_ADDRESS_NEW_SESSIONS_PER_HOUR",
                "1000000",
                "RAPPORT_WEBCHAT_NEW_SESSIONS_PER_HOUR",
                "10000000",
                "RAPPORT_WEBCHAT_ADDRESS_MESSAGES_BURST",
                "1000000",
                "RAPPORT_WEBCHAT_ADDRESS_MESSAGES_PER_MINUTE",
                "1000000",
                "RAPPORT_WEBCHAT_ADDRESS_STREAMS",
                "1000000"));
        var config = ConfigLoader.load(Path.of("config/rapport.yaml"), environment);
        try (var database = TestDatabase.fresh();
                App app = App.start(config, database, false)) {
            app.awaitReady(Duration.ofMinutes(2));
            port = app.port();
            System.out.printf(
                    "Soak: %s, %d browsers, %d Telegram chats at %d updates/s; Rapport on port %d%n",
                    duration, browsers, chats, perSecond, port);
            ExecutorService load = Executors.newFixedThreadPool(browsers + 1);
            load.execute(() -> telegram(chats, perSecond));
            for (int i = 0; i < browsers; i++) {
                load.execute(this::browser);
            }
            Thread.sleep(Math.min(20_000, duration.toMillis() / 6)); // warm-up: pools, JIT, first sessions
            sample("start");
            Thread.sleep(duration.toMillis() / 2);
            sample("middle");
            Thread.sleep(duration.toMillis() / 2);
            sample("end");
            running = false;
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
            Thread.sleep(12_000); // two heartbeats: streams of browsers that left are found
            sample("drained");
            System.out.printf(
                    "Totals: %d updates, %d web chat posts (%d refused by a limit), %d streams opened "
                            + "(%d dropped without a word), %d replies pushed live, %d errors%n",
                    updates.get(),
                    posts.get(),
                    refused.get(),
                    streamsOpened.get(),
                    streamsDropped.get(),
                    repliesLive.get(),
                    errors.get());
        } finally {
            scheduled.shutdownNow();
            telegram.close();
        }
    }

    private void telegram(int chats, int perSecond) {
        long next = System.nanoTime();
        long id = 1;
        while (running) {
            long chat = 9000 + (id % chats);
            var request = HttpRequest.newBuilder(URI.create(url("/telegram/webhook")))
                    .header("X-Telegram-Bot-Api-Secret-Token", "soak-secret")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            Updates.text(id, chat, id % 7 == 0 ? "/help" : "hello " + id)))
                    .build();
            send(request);
            updates.incrementAndGet();
            id++;
            next += TimeUnit.SECONDS.toNanos(1) / perSecond;
            pause(TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime()));
        }
    }

    /** One simulated visitor, over and over: page, stream, a few posts, the replies, then leave. */
    private void browser() {
        var random = ThreadLocalRandom.current();
        String cookie = null;
        while (running) {
            try {
                if (cookie == null || random.nextInt(4) == 0) {
                    var page = send(HttpRequest.newBuilder(URI.create(url("/chat")))
                            .GET()
                            .build());
                    String setCookie = page.headers().firstValue("Set-Cookie").orElse(null);
                    if (setCookie == null) {
                        errors.incrementAndGet();
                        pause(1000);
                        continue;
                    }
                    cookie = setCookie.substring(0, setCookie.indexOf(';'));
                }
                visit(cookie, random);
            } catch (IOException | RuntimeException e) {
                errors.incrementAndGet();
                pause(500);
            }
        }
    }

    private void visit(String cookie, ThreadLocalRandom random) throws IOException {
        var socket = new Socket("127.0.0.1", port);
        boolean dropped = true;
        try {
            socket.setSoTimeout(15_000);
            socket.getOutputStream()
                    .write(("GET /chat/api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Accept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = reader.readLine();
            if (status == null || !status.contains(" 200 ")) {
                refused.incrementAndGet();
                pause(1000);
                return;
            }
            streamsOpened.incrementAndGet();
            awaitEvent(reader, "history");
            int messages = 1 + random.nextInt(3);
            for (int i = 0; i < messages && running; i++) {
                var response = send(HttpRequest.newBuilder(URI.create(url("/chat/api/messages")))
                        .header("Content-Type", "application/json")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                i == 0
                                        ? "{\"text\": \"/help\"}"
                                        : "{\"text\": \"where is my order " + random.nextInt(1000) + "\"}"))
                        .build());
                posts.incrementAndGet();
                if (response.statusCode() == 429) {
                    refused.incrementAndGet();
                } else if (awaitEvent(reader, "message")) {
                    repliesLive.incrementAndGet();
                }
                pause(random.nextInt(200, 1500));
            }
            dropped = random.nextInt(10) < 7; // most visitors just close the tab
        } finally {
            if (dropped) {
                streamsDropped.incrementAndGet();
                socket.setSoLinger(true, 0); // a reset, as when a laptop lid closes mid-stream
            }
            socket.close();
        }
    }

    private static boolean awaitEvent(BufferedReader reader, String name) throws IOException {
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.equals("event: " + name) || line.equals("event:" + name)) {
                return true;
            }
        }
        return false;
    }

    private void sample(String moment) throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long descriptors;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            descriptors = fds.count();
        }
        Matcher open = OPEN_STREAMS.matcher(
                send(HttpRequest.newBuilder(URI.create(url("/metrics"))).GET().build())
                        .body());
        System.out.printf(
                "%-8s fds %5d  threads %4d  heap after GC %6.1f MiB  open streams %s  (%d updates, %d posts, "
                        + "%d streams so far)%n",
                moment,
                descriptors,
                ManagementFactory.getThreadMXBean().getThreadCount(),
                heap / 1048576.0,
                open.find() ? open.group(1) : "?",
                updates.get(),
                posts.get(),
                streamsOpened.get());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration duration(String text) {
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text.replaceFirst("s$", "")));
    }
}
