package dev.rapport.bench;

import dev.rapport.App;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.channel.telegram.FloodLimits;
import dev.rapport.cli.Commands;
import dev.rapport.config.ConfigLoader;
import dev.rapport.it.Updates;
import dev.rapport.store.TestDatabase;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An offer campaign to many customers at Telegram's real limits, in a shortened form: all customers
 * are planned (one statement), the campaign job runs as fast as it can until {@code --backlog}
 * campaign texts wait in the outbox and keeps it there, and for {@code --duration} the outbox sends
 * to a fake Bot API that enforces the limits ({@link FloodLimits#telegram()}: 1/s per chat with
 * bursts of 3, 30/s in all) and answers 429 when they are broken. The outbox starts with
 * {@code --prefill} campaign texts already queued (what a job that plans faster than Telegram lets us
 * send leaves behind). Meanwhile one customer who is not
 * in the campaign writes every {@code --live-every} seconds (each time another one, so no answer waits
 * behind its own chat's rate); the time to the first text of the answer is their reply latency. Prints texts sent per second, 429s, heap after a full GC before and after,
 * and the reply latencies.
 *
 * <pre>bench/campaign.sh [--customers=100000] [--duration=90] [--rate=30] [--backlog=12000] [--prefill=10000] [--live-every=3]</pre>
 */
public final class CampaignBench {

    /** Live customers' chats are 1..LIVE_CHATS, one per sample, so no answer waits behind its own chat's earlier texts. */
    private static final int LIVE_CHATS = 40;

    private static final String SECRET = "campaign-secret";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "customers",
                "100000",
                "duration",
                "90",
                "rate",
                "30",
                "backlog",
                "12000",
                "live-every",
                "3",
                "prefill",
                "10000"));
        for (String arg : args) {
            if (arg.equals("--help")) {
                System.out.println("bench/campaign.sh [--customers=100000] [--duration=SECONDS] [--rate=30] "
                        + "[--backlog=12000] [--prefill=10000] [--live-every=SECONDS]");
                return;
            }
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (!options.containsKey(pair[0]) || pair.length < 2) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; see --help");
            }
            options.put(pair[0], pair[1]);
        }
        run(
                Integer.parseInt(options.get("customers")),
                Duration.ofSeconds(Long.parseLong(options.get("duration"))),
                Integer.parseInt(options.get("rate")),
                Integer.parseInt(options.get("backlog")),
                Integer.parseInt(options.get("prefill")),
                Duration.ofSeconds(Long.parseLong(options.get("live-every"))));
        System.exit(0);
    }

    private static void run(int customers, Duration duration, int rate, int backlog, int prefill, Duration liveEvery)
            throws Exception {
        var telegram = new FakeTelegramApi().start();
        telegram.recordCalls(false);
        telegram.enforce(FloodLimits.telegram().withPerSecond(rate));
        var sent = new AtomicLong();
        var refused = new AtomicLong();
        var liveAnswer = new AtomicReference<CountDownLatch>();
        telegram.onCall(call -> {
            if (!call.is("sendMessage")) {
                return;
            }
            if (call.status() == 429) {
                refused.incrementAndGet();
            } else if (call.succeeded()) {
                if (call.chatId() != null && call.chatId() <= LIVE_CHATS) {
                    CountDownLatch waiting = liveAnswer.get();
                    if (waiting != null) {
                        waiting.countDown();
                    }
                } else {
                    sent.incrementAndGet();
                }
            }
        });
        var environment = new HashMap<>(Map.of(
                "PORT",
                "0",
                "TELEGRAM_BOT_TOKEN",
                FakeTelegramApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET",
                SECRET,
                "TELEGRAM_API_URL",
                telegram.baseUrl(),
                "RATE_PER_CHAT",
                "1",
                "RATE_PER_CHAT_BURST",
                "3",
                "RATE_GLOBAL",
                String.valueOf(rate)));
        var config = ConfigLoader.load(Path.of("config/rapport.yaml"), environment);
        System.out.printf(
                "Campaign: %,d customers, texts at %d/s (fake Bot API enforcing 1/s per chat, %d/s in all), "
                        + "%s of sending, campaign backlog kept at %,d texts, a live customer every %s; load average %.2f%n",
                customers, rate, rate, duration, backlog, liveEvery, load());
        String daytime = dev.rapport.it.Shop.zoneWhereItIs(java.time.LocalTime.NOON); // outside quiet hours
        try (var database = TestDatabase.fresh()) {
            long started = System.nanoTime();
            database.jdbi().useTransaction(handle -> {
                handle.createUpdate("""
                                INSERT INTO customers (name, language, language_chosen, tier, time_zone)
                                SELECT 'Customer ' || n, CASE WHEN n % 2 = 0 THEN 'en' ELSE 'zh' END, true,
                                       CASE WHEN n % 5 = 0 THEN 'major' ELSE 'ordinary' END, :zone
                                FROM generate_series(1, :customers) AS n""")
                        .bind("customers", customers)
                        .bind("zone", daytime)
                        .execute();
                handle.execute("""
                        INSERT INTO channel_accounts (channel, chat_key, customer_id, user_ref, first_name, language_code)
                        SELECT 'telegram', (100000 + id)::text, id, (100000 + id)::text, 'Customer', language FROM customers""");
                for (int chat = 1; chat <= LIVE_CHATS; chat++) { // key tier: not in the campaign, only talking
                    long live = handle.createQuery("""
                                    INSERT INTO customers (name, language, language_chosen, tier, time_zone)
                                    VALUES ('Live', 'en', true, 'key', :zone) RETURNING id""")
                            .bind("zone", daytime)
                            .mapTo(Long.class)
                            .one();
                    handle.createUpdate("""
                                    INSERT INTO channel_accounts (channel, chat_key, customer_id, user_ref, first_name, language_code)
                                    VALUES ('telegram', :chat, :id, :chat, 'Live', 'en')""")
                            .bind("chat", String.valueOf(chat))
                            .bind("id", live)
                            .execute();
                }
            });
            System.out.printf(
                    "Customers inserted in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            started = System.nanoTime();
            String planned = new Commands(database, config)
                    .campaignSend("spring_sale", null, false)
                    .out()
                    .lines()
                    .findFirst()
                    .orElse("");
            System.out.printf(
                    "Planned in %d ms (one INSERT ... SELECT): %s%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), planned);

            // A backlog as the campaign job leaves it when it plans faster than Telegram lets us send: the
            // live customer's answers must overtake all of it.
            started = System.nanoTime();
            database.jdbi().useTransaction(handle -> {
                for (int i = 0; i < prefill; i++) {
                    dev.rapport.outbox.Outbox.enqueue(
                            handle,
                            new dev.rapport.outbox.Outgoing(
                                    "backlog:" + i,
                                    "telegram",
                                    String.valueOf(900_000 + i),
                                    null,
                                    new dev.rapport.channel.Reply.Text("Spring sale, " + i, List.of()),
                                    dev.rapport.outbox.Outgoing.Priority.OUTREACH));
                }
            });
            System.out.printf(
                    "Outbox pre-filled with %,d campaign texts in %d ms%n",
                    prefill, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            try (App app = App.start(config, database, false)) {
                app.awaitReady(Duration.ofMinutes(2));
                double heapBefore = heapAfterGc();
                var feeding = new Thread(() -> feed(app, database, backlog), "campaign-feeder");
                feeding.setDaemon(true);
                feeding.start();
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                long windowStart = System.nanoTime();
                long sentAtStart = sent.get();
                long deadline = windowStart + duration.toNanos();
                long midSent = -1;
                long midAt = 0;
                var http = HttpClient.newHttpClient();
                long updateId = 1;
                while (System.nanoTime() < deadline) {
                    Thread.sleep(liveEvery.toMillis());
                    if (midSent < 0 && System.nanoTime() - windowStart > duration.toNanos() / 3) {
                        midSent = sent.get();
                        midAt = System.nanoTime();
                    }
                    var answered = new CountDownLatch(1);
                    liveAnswer.set(answered);
                    long asked = System.nanoTime();
                    var response = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/telegram/webhook"))
                                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            Updates.text(updateId, 1 + updateId++ % LIVE_CHATS, "/start")))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        System.out.println("The webhook answered " + response.statusCode());
                    }
                    if (answered.await(30, TimeUnit.SECONDS)) {
                        latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
                    } else {
                        System.out.println("No answer to the live customer within 30 s");
                    }
                }
                long windowEnd = System.nanoTime();
                feeding.interrupt();
                feeding.join(30_000);
                long sentInWindow = sent.get() - sentAtStart;
                double steady = midSent < 0 ? Double.NaN : (sent.get() - midSent) / ((windowEnd - midAt) / 1e9);
                long queued = database.jdbi()
                        .withHandle(handle -> handle.createQuery("SELECT count(*) FROM outbox_queue WHERE priority = 1")
                                .mapTo(Long.class)
                                .one());
                long done = database.jdbi()
                        .withHandle(handle -> handle.createQuery(
                                        "SELECT count(*) FROM offer_sends WHERE status <> 'planned'")
                                .mapTo(Long.class)
                                .one());
                double heapAfter = heapAfterGc();
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf(
                        "Sent %,d campaign texts in %.1f s: %.1f/s overall, %.1f/s in the last two thirds "
                                + "(configured %d/s)%n",
                        sentInWindow,
                        (windowEnd - windowStart) / 1e9,
                        sentInWindow / ((windowEnd - windowStart) / 1e9),
                        steady,
                        rate);
                System.out.printf(
                        "429 answers: %d (flood refusals counted by the fake: %d)%n",
                        refused.get(), telegram.floodRefusals());
                System.out.printf(
                        "Campaign: %,d of %,d customers handled by the job; %,d campaign texts still queued "
                                + "in the outbox at the end%n",
                        done, customers, queued);
                System.out.printf("Heap after a full GC: %.1f MiB before, %.1f MiB after%n", heapBefore, heapAfter);
                System.out.printf(
                        "Live customer's answer (webhook post to first text), %d samples: p50 %d ms, "
                                + "max %d ms, all %s%n",
                        sorted.size(),
                        sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
                        sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1),
                        sorted);
                System.out.printf("Load average at the end: %.2f%n", load());
            }
        } finally {
            telegram.close();
        }
    }

    /** Runs the campaign job whenever fewer than {@code backlog} campaign texts wait in the outbox. */
    private static void feed(App app, dev.rapport.store.Database database, int backlog) {
        while (!Thread.currentThread().isInterrupted()) {
            long queued = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT count(*) FROM outbox_queue WHERE priority = 1")
                            .mapTo(Long.class)
                            .one());
            try {
                if (queued < backlog) {
                    app.runJob("offer.campaign_sends");
                } else {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    System.out.println("Campaign job failed: " + e);
                }
                return;
            }
        }
    }

    private static double heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
