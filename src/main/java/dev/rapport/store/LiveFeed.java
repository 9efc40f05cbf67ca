package dev.rapport.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side of {@link LiveEvents}: one dedicated PostgreSQL connection per Rapport instance
 * that {@code LISTEN}s on {@value LiveEvents#CHANNEL} and hands each notice to the subscribers of its
 * topic (an exact topic such as {@code webchat:abc}, or a prefix such as {@code console}).
 *
 * <p>Threading: one daemon thread, {@code rapport-live}, owns the connection, reads notices and calls
 * subscribers on itself, one notice at a time, in the order PostgreSQL delivered them (commit order).
 * A subscriber must return quickly and must not block: a database read or a write to a browser belongs
 * on the subscriber's own executor. A subscriber that throws is logged and keeps its subscription.
 * {@link #subscribe} and {@link Subscription#close()} are thread-safe and may be called from any thread,
 * also from inside a callback.
 *
 * <p>Reconnects: when the connection fails (database restart, network, a terminated backend) the
 * thread reconnects with back-off (0.5 s doubling to 5 s). PostgreSQL does not keep notices for a
 * listener that is away, so after listening again it calls every subscriber's {@link Subscriber#onResync()}:
 * re-read whatever you show. Delivery is therefore at-most-once per notice, and complete only together
 * with the resync.
 *
 * <p>Meters: {@code rapport_live_listening} (1 while listening), {@code rapport_live_notices_total},
 * {@code rapport_live_reconnects_total}.
 */
public final class LiveFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final int POLL_MILLIS = 500;
    /** With no notice for this long, a {@code SELECT 1} checks the connection is still alive. */
    private static final long PING_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Opens a new connection that the feed owns alone (never one from the pool). */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /** Receives notices; both methods run on the feed's thread and must return quickly. */
    public interface Subscriber {
        void onNotice(Notice notice);

        /** The feed was away (notices may be lost): re-read what you show. */
        default void onResync() {}
    }

    /** One notice: its topic and the small JSON object the publisher gave. */
    public record Notice(String topic, JsonNode data) {}

    /** Ends a subscription; idempotent. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Entry(String topic, boolean prefix, Subscriber subscriber) {
        boolean matches(String noticeTopic) {
            return prefix ? noticeTopic.startsWith(topic) : noticeTopic.equals(topic);
        }
    }

    private final ConnectionOpener opener;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private final Counter notices;
    private final Counter reconnects;
    private volatile boolean listening;
    private volatile Connection connection;

    public LiveFeed(ConnectionOpener opener, MeterRegistry metrics) {
        this.opener = opener;
        this.thread = new Thread(this::run, "rapport-live");
        thread.setDaemon(true);
        Gauge.builder("rapport.live.listening", this, feed -> feed.listening ? 1 : 0)
                .description("1 while this instance listens for live notices from PostgreSQL")
                .register(metrics);
        this.notices = Counter.builder("rapport.live.notices")
                .description("Live notices received")
                .register(metrics);
        this.reconnects = Counter.builder("rapport.live.reconnects")
                .description("Times the live listener connected again after losing its connection")
                .register(metrics);
    }

    public LiveFeed start() {
        thread.start();
        return this;
    }

    /** Notices whose topic is exactly {@code topic}. */
    public Subscription subscribe(String topic, Subscriber subscriber) {
        return add(new Entry(topic, false, subscriber));
    }

    /** Notices whose topic starts with {@code prefix}. */
    public Subscription subscribePrefix(String prefix, Subscriber subscriber) {
        return add(new Entry(prefix, true, subscriber));
    }

    private Subscription add(Entry entry) {
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    /** True while the feed's connection listens (false during an outage). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long backoffMillis = 500;
        boolean first = true;
        while (closing.getCount() > 0) {
            try (Connection opened = opener.open()) {
                connection = opened;
                try (Statement statement = opened.createStatement()) {
                    statement.execute("LISTEN " + LiveEvents.CHANNEL);
                }
                listening = true;
                backoffMillis = 500;
                if (!first) {
                    reconnects.increment();
                    log.info("Live notices: listening again; subscribers re-read what they show");
                    entries.forEach(entry -> safely(() -> entry.subscriber().onResync()));
                }
                first = false;
                listen(opened);
            } catch (SQLException | RuntimeException e) {
                if (closing.getCount() == 0) {
                    break;
                }
                if (listening || first) {
                    log.warn("Live notices: connection lost ({}); reconnecting", e.getMessage());
                }
                first = false;
            } finally {
                listening = false;
                connection = null;
            }
            if (await(backoffMillis)) {
                break;
            }
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
    }

    private void listen(Connection opened) throws SQLException {
        PGConnection postgres = opened.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (closing.getCount() > 0) {
            PGNotification[] received = postgres.getNotifications(POLL_MILLIS);
            if (received != null && received.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : received) {
                    dispatch(notification.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > PING_NANOS) {
                try (Statement statement = opened.createStatement()) {
                    statement.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void dispatch(String payload) {
        notices.increment();
        Notice notice;
        try {
            JsonNode parsed = Json.read(payload);
            notice = new Notice(parsed.path("topic").asText(""), parsed.path("data"));
        } catch (IllegalArgumentException e) {
            log.warn("Live notices: ignoring a payload that is not LiveEvents JSON ({} characters)", payload.length());
            return;
        }
        for (Entry entry : entries) {
            if (entry.matches(notice.topic())) {
                safely(() -> entry.subscriber().onNotice(notice));
            }
        }
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.error("A live-notice subscriber failed", e);
        }
    }

    /** Waits out a back-off; true when the feed is closing. */
    private boolean await(long millis) {
        try {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops listening and closes the connection; waits up to 5 s for the thread to end. */
    @Override
    public void close() {
        closing.countDown();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection current = connection;
        if (current != null) {
            try {
                current.close(); // the thread did not end in time; its next call fails and it exits
            } catch (SQLException e) {
                log.debug("Live notices: closing the connection failed", e);
            }
        }
    }
}
