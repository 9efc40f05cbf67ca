package dev.rapport.outbox;

import dev.rapport.channel.ChannelSender;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.IdlePasses;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows through the channel senders.
 *
 * <p><b>Delivery.</b> At-least-once. A row is claimed under a short lease ({@code lease_until},
 * {@code leased_by} of its {@code outbox_queue} row) that the loop renews every few seconds while the row is in flight; only the
 * claimer sends it, and another Rapport process on the same database skips it until the lease
 * expires — which happens only when the claimer died (kill -9: within one lease, seconds) or can no
 * longer reach the database, and then the row is sent again. A call starts only while the lease
 * has at least the channel's {@link ChannelSender#longestCall()} left, so a process cut off from
 * the database stops starting sends before anyone else may take its rows: a row is never sent by
 * two processes at once. A call that times out may also have been delivered. Replies are never queued twice: {@link Outbox}
 * dedups them by key.
 *
 * <p><b>Ordering.</b> Per chat, texts go out in id order, one at a time: a chat whose earlier text is
 * waiting (back-off, rate limit, or leased by another process) sends nothing later. Button answers
 * do not wait behind texts (the customer's spinner turns until they arrive) but are never sent
 * while another row of their chat is in flight. Chats are independent of each other.
 *
 * <p><b>Rates and failures.</b> A token bucket per chat ({@code perChatPerSecond}, burst
 * {@code perChatBurst}; button answers are exempt) and one for all sends ({@code globalPerSecond},
 * split evenly between the senders running on the database: {@link RateShare});
 * a row whose chat has no token is put back with a later {@code next_attempt_at}, no attempt
 * counted, rather than holding a thread. Channel results: delivered → {@code sent};
 * retry-after → due again after exactly that delay; transient → exponential back-off with jitter,
 * {@code dead} after {@code maxAttempts}, and a retry-after pauses every chat of that channel (a bot's
 * flood limit is the bot's, not the chat's) until it has passed; rejected → {@code dead}; unreachable → {@code dead}, the
 * chat's other pending rows {@code skipped}, the channel account marked unreachable. Rows of chats
 * already marked unreachable are skipped, never sent. Dead letters and unreachable customers are
 * recorded as events.
 *
 * <p><b>Threading.</b> One loop thread ({@link SenderLoop}) claims batches, dispatches them
 * ({@link ChatDispatch}), renews their leases ({@link LeaseRenewal}) and writes each batch's
 * outcomes in one transaction ({@link OutcomeRecorder}); {@code senders} threads make the channel
 * calls ({@link ChatSends}), one task per chat per batch, taking rate tokens as each call starts;
 * several batches are in flight at once. {@link #wake()} may be
 * called from any thread; {@link #start()} and {@link #close()} once each. Without wakes the loop
 * polls every 250 ms.
 *
 * <p><b>Idle.</b> A claim pass that finds no row due, with nothing in flight and no outcome left to
 * write, counts as idle; {@link #awaitIdle} waits for one that began after the call, so a test can
 * assert that nothing more is sent instead of sleeping.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /**
     * How the loop runs. Leases of rows in flight are renewed every {@code renewEvery}; a send starts
     * only while its lease has the longest channel call left, so the lease must be longer than that
     * call plus one renewal interval. A claim asks for {@code batchSize} rows, doubled while claims
     * come back full, up to {@code maxInFlight / 2}; never more than {@code maxInFlight} rows are in
     * flight.
     */
    record Tuning(
            Duration pollInterval,
            Duration lease,
            Duration renewEvery,
            Backoff backoff,
            int batchSize,
            int maxInFlight,
            Duration depthInterval,
            Duration closeTimeout) {

        static Tuning defaults(int senders) {
            int batch = Math.max(16, senders * 2);
            return new Tuning(
                    Duration.ofMillis(250),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(3),
                    Backoff.DEFAULT,
                    batch,
                    batch * 8,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30));
        }
    }

    private final Set<String> channels;
    private final RapportConfig.Outbox settings;
    private final Tuning tuning;
    private final ExecutorService pool;
    private final Signals signals = new Signals();
    private final SenderLoop work;
    private final Thread loop;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Idle claim passes so far; guarded by itself, which is notified at each. */
    private final IdlePasses idle = new IdlePasses();

    public OutboxSender(Jdbi jdbi, List<ChannelSender> senders, RapportConfig.Outbox settings, MeterRegistry metrics) {
        this(jdbi, senders, settings, metrics, Tuning.defaults(settings.senders()));
    }

    OutboxSender(
            Jdbi jdbi,
            List<ChannelSender> senders,
            RapportConfig.Outbox settings,
            MeterRegistry metrics,
            Tuning tuning) {
        if (settings.senders() < 1 || settings.maxAttempts() < 1) {
            throw new IllegalArgumentException(
                    "outbox.senders and outbox.max_attempts must be at least 1; got " + settings);
        }
        Map<String, ChannelSender> byChannel = new HashMap<>();
        for (ChannelSender sender : senders) {
            if (byChannel.putIfAbsent(sender.channel(), sender) != null) {
                throw new IllegalArgumentException("Two senders for channel '" + sender.channel() + "'");
            }
        }
        if (byChannel.isEmpty()) {
            throw new IllegalArgumentException("The outbox sender needs at least one channel sender");
        }
        Duration longestCall = senders.stream()
                .map(ChannelSender::longestCall)
                .max(Duration::compareTo)
                .orElseThrow();
        if (tuning.lease().compareTo(longestCall.plus(tuning.renewEvery())) <= 0) {
            throw new IllegalArgumentException(
                    "The outbox lease (" + tuning.lease() + ") must be longer than the " + "longest channel call ("
                            + longestCall + ") plus the renewal interval (" + tuning.renewEvery() + ")");
        }
        this.channels = Set.copyOf(byChannel.keySet());
        this.settings = settings;
        this.tuning = tuning;
        var store = new OutboxStore(jdbi);
        var meters = new OutboxMetrics(metrics);
        var limits = new RateLimits(settings, System.nanoTime());
        var chatSends = new ChatSends(byChannel, limits, settings.maxAttempts(), tuning.backoff(), meters);
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                settings.senders(),
                settings.senders(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingDeque<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "outbox-send-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // This sender's name on the rows it leases; a new one each start, so a restarted process renews nothing old.
        String owner = UUID.randomUUID().toString();
        var dispatch = new ChatDispatch(
                store, meters, limits, chatSends, pool, signals, tuning.lease(), longestCall, tuning.pollInterval());
        this.work = new SenderLoop(
                store, channels, tuning, limits, meters, owner, signals, idle, dispatch, new RateShare(jdbi));
        this.loop = new Thread(this::run, "outbox-loop");
        this.loop.setDaemon(true);
    }

    /** Starts the loop; replies due now go out at once. */
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("The outbox sender is closed; create a new one");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The outbox sender is already started");
        }
        loop.start();
    }

    /** Looks for due rows now instead of at the next poll; call after committing outbox rows. */
    public void wake() {
        signals.wake();
    }

    /**
     * Waits until a claim pass that began after this call found no row due and nothing in flight:
     * every row due when this was called has been sent or given its next attempt time, and its
     * outcome is written. Wakes the loop so it looks at once. For tests and operators' diagnostics.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return idle.awaitAfter(this::wake, timeout);
    }

    /**
     * Stops claiming, lets the sends in flight finish, writes their outcomes and stops the threads.
     * Waits up to 30 s; sends still running then are abandoned, and their rows are sent again once
     * their leases expire.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        work.stop();
        if (started.get()) {
            try {
                loop.join(tuning.closeTimeout().toMillis());
                if (loop.isAlive()) {
                    log.warn(
                            "Outbox sends still running after {}; their rows will be sent again when their "
                                    + "leases expire",
                            tuning.closeTimeout());
                    loop.interrupt();
                    loop.join(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.shutdownNow();
    }

    private void run() {
        log.info(
                "Outbox sender started: channels {}, {} senders, {}/s per chat (burst {}), {}/s in all",
                channels,
                settings.senders(),
                settings.perChatPerSecond(),
                settings.perChatBurst(),
                settings.globalPerSecond());
        work.run();
    }
}
