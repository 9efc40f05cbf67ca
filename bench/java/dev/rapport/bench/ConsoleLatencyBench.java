package dev.rapport.bench;

import dev.rapport.domain.Language;
import dev.rapport.it.RunningRapport;
import dev.rapport.it.Updates;
import dev.rapport.staff.Role;
import dev.rapport.staff.StaffAccounts;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from a customer's webhook message to its notice on the staff console's live stream: a chat
 * handed to a person, a signed-in console stream ({@code GET /console/stream}), then {@code N}
 * messages one after another (closed loop, as Telegram delivers one chat), each timed from just
 * before the webhook POST to the arrival of its {@code change} event (kind {@code customer_message}).
 * Prints p50, p90, p99 and max. Runs on the tests' embedded PostgreSQL and fake Bot API.
 *
 * <p>{@code bench/console.sh [messages]} (default 200).
 */
public final class ConsoleLatencyBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (RunningRapport rapport = RunningRapport.start()) {
            new StaffAccounts(rapport.database.jdbi(), Clock.systemUTC())
                    .add("bench", Role.AGENT, "bench password 123".toCharArray(), Language.EN);
            long chat = 4242;
            rapport.say(chat, "/human", "en", 1);
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            signIn(http, rapport);
            BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
            var stream = http.send(
                    HttpRequest.newBuilder(URI.create(rapport.url("/console/stream")))
                            .header("Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> read(stream.body(), arrivals), "bench-sse");
            reader.setDaemon(true);
            reader.start();
            Thread.sleep(500); // the stream is open and subscribed
            arrivals.clear();

            long updateId = 9_000_000;
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < messages + 20; i++) {
                long start = System.nanoTime();
                var answer = rapport.postUpdate(Updates.text(updateId++, chat, "Still waiting, message " + i, "en"));
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("webhook answered " + answer.statusCode());
                }
                Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("no console event for message " + i + " within 10 s");
                }
                if (i >= 20) { // the first 20 warm the code paths up
                    millis.add((arrived - start) / 1e6);
                }
            }
            Collections.sort(millis);
            System.out.printf(
                    "console stream latency, webhook POST -> SSE change event, %d messages (after 20 warm-up):%n",
                    millis.size());
            System.out.printf(
                    "  p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                    pct(millis, 50), pct(millis, 90), pct(millis, 99), millis.get(millis.size() - 1));
        }
        System.exit(0);
    }

    private static void signIn(HttpClient http, RunningRapport rapport) throws Exception {
        String form = http.send(
                        HttpRequest.newBuilder(URI.create(rapport.url("/console/login")))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = CSRF.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("no sign-in form");
        }
        String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&name=bench&password="
                + URLEncoder.encode("bench password 123", StandardCharsets.UTF_8);
        int status = http.send(
                        HttpRequest.newBuilder(URI.create(rapport.url("/console/login")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 303) {
            throw new IllegalStateException("sign-in answered " + status);
        }
    }

    /** Puts the arrival time of every customer_message change event on the queue. */
    private static void read(InputStream body, BlockingQueue<Long> arrivals) {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "";
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && event.equals("change") && line.contains("customer_message")) {
                    arrivals.add(System.nanoTime());
                }
            }
        } catch (Exception e) {
            // the run ends
        }
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
