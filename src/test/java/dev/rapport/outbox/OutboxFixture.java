package dev.rapport.outbox;

import static org.awaitility.Awaitility.await;

import dev.rapport.channel.Reply;
import dev.rapport.channel.telegram.FakeTelegramApi;
import dev.rapport.channel.telegram.TelegramSender;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh database, a fake Telegram Bot API and the real Telegram sender, with outbox senders tuned
 * for tests: 50 ms polls and back-off from 50 ms, so retries take milliseconds, not minutes.
 */
final class OutboxFixture implements AutoCloseable {

    /** How long to wait for what must happen; only a failing test waits this long. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Rates high enough not to matter, five attempts, eight senders. */
    static final RapportConfig.Outbox FAST = new RapportConfig.Outbox(1000, 1000, 10_000, 5, 8);

    final Database database = TestDatabase.fresh();
    final FakeTelegramApi telegram = new FakeTelegramApi().start();
    final TelegramSender channel = new TelegramSender(
            new RapportConfig.Telegram(
                    FakeTelegramApi.TOKEN, "secret", URI.create(telegram.baseUrl()), "https://rapport.example"),
            16);
    private final List<OutboxSender> senders = new ArrayList<>();

    static OutboxSender.Tuning tuning(int senders) {
        var defaults = OutboxSender.Tuning.defaults(senders);
        return new OutboxSender.Tuning(
                Duration.ofMillis(50),
                defaults.lease(),
                defaults.renewEvery(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)),
                defaults.batchSize(),
                defaults.maxInFlight(),
                Duration.ofMillis(100),
                Duration.ofSeconds(10));
    }

    OutboxSender sender(RapportConfig.Outbox settings) {
        return sender(settings, new SimpleMeterRegistry());
    }

    OutboxSender sender(RapportConfig.Outbox settings, MeterRegistry meters) {
        var sender = new OutboxSender(database.jdbi(), List.of(channel), settings, meters, tuning(settings.senders()));
        senders.add(sender);
        sender.start();
        return sender;
    }

    int enqueue(String key, long chatId, String text) {
        return enqueue(new Outgoing(key, "telegram", String.valueOf(chatId), null, new Reply.Text(text, List.of())));
    }

    int enqueue(Outgoing outgoing) {
        return database.jdbi().inTransaction(handle -> Outbox.enqueue(handle, outgoing));
    }

    /** The row with this dedup key: status, attempts, last_error, external_id, sent_at… */
    Map<String, Object> row(String key) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT * FROM outbox WHERE dedup_key = :key")
                        .bind("key", key)
                        .mapToMap()
                        .one());
    }

    /**
     * The scheduling row of the pending row with this dedup key in {@code outbox_queue} (next_attempt_at,
     * lease_until, leased_by…), or empty when the row is not pending.
     */
    java.util.Optional<Map<String, Object>> queued(String key) {
        return database.jdbi()
                .withHandle(handle ->
                        handle.createQuery("""
                                SELECT q.* FROM outbox_queue q JOIN outbox o ON o.id = q.id WHERE o.dedup_key = :key""").bind("key", key).mapToMap().findOne());
    }

    /** Sets the lease of the row with this dedup key to end {@code seconds} from now (negative: ran out). */
    void lease(String key, long seconds, String owner) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("""
                                UPDATE outbox_queue SET lease_until = now() + :seconds * interval '1 second', leased_by = :owner
                                WHERE id = (SELECT id FROM outbox WHERE dedup_key = :key)""")
                        .bind("seconds", seconds)
                        .bind("owner", owner)
                        .bind("key", key)
                        .execute());
    }

    String status(String key) {
        return (String) row(key).get("status");
    }

    void awaitStatus(String key, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> status.equals(status(key)));
    }

    long customerWithTelegramChat(long chatId) {
        return database.jdbi().inTransaction(handle -> {
            long customer = handle.createQuery("INSERT INTO customers (name) VALUES ('Ann') RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate(
                            "INSERT INTO channel_accounts (channel, chat_key, customer_id) VALUES ('telegram', :chat, :customer)")
                    .bind("chat", String.valueOf(chatId))
                    .bind("customer", customer)
                    .execute();
            return customer;
        });
    }

    List<Map<String, Object>> events(String type) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT type, chat_key, customer_id, data::text AS data FROM events WHERE type = :type ORDER BY id")
                        .bind("type", type)
                        .mapToMap()
                        .list());
    }

    @Override
    public void close() {
        for (int i = senders.size() - 1; i >= 0; i--) {
            senders.get(i).close();
        }
        channel.close();
        telegram.close();
        database.close();
    }
}
