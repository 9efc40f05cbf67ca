package dev.rapport.inbox;

import dev.rapport.config.RapportConfig;
import dev.rapport.store.IdlePasses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads that take pending updates chat by chat and run their turns.
 *
 * <p>Ordering and exclusion: a worker claims a batch of chats in one transaction, holding a
 * transaction-scoped advisory lock per chat, so one chat is never processed by two workers — also
 * across Rapport processes sharing the database. Within a chat, updates run in {@code update_id}
 * order. A chat is claimed only once its newest pending update is {@code settleMillis} old, which
 * puts updates that arrived out of order back in order.
 *
 * <p>Crash safety: the batch commits once. A crash before the commit leaves every update of the
 * batch pending, to be processed once after restart. A turn that throws rolls its batch back, which
 * then runs again with a savepoint per turn, so the failing turn is undone alone and retried later
 * with back-off; after {@code maxAttempts} it is marked failed so the chat's later updates are not
 * held back forever.
 *
 * <p>Idle: a worker's pass that claims no chat, finds no update still settling and sees no other
 * worker in a pass counts as idle; {@link #awaitIdle} waits for one that began after the call.
 * Thread-safe.
 */
public final class InboxWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    private static final long IDLE_POLL_MILLIS = 1_000;

    private final Jdbi jdbi;
    private final RapportConfig.Inbox settings;
    private final Map<String, UpdateDecoder> decoders;
    private final TurnHandler turns;
    private final Runnable afterCommit;
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private long signals;
    private volatile boolean running;
    private final IdlePasses idle = new IdlePasses();
    private final AtomicInteger inPass = new AtomicInteger();
    private final Counter processed;
    private final Counter failed;
    private final Timer turnLatency;

    /** @param afterCommit called after each batch that produced turns (wakes the outbox sender) */
    public InboxWorkers(
            Jdbi jdbi,
            RapportConfig.Inbox settings,
            List<UpdateDecoder> decoders,
            TurnHandler turns,
            Runnable afterCommit,
            MeterRegistry metrics) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.decoders = decoders.stream().collect(Collectors.toMap(UpdateDecoder::channel, Function.identity()));
        this.turns = turns;
        this.afterCommit = afterCommit;
        this.processed = Counter.builder("rapport_updates_processed_total")
                .description("Updates a turn handled")
                .register(metrics);
        this.failed = Counter.builder("rapport_updates_failed_total")
                .description("Updates given up after retries")
                .register(metrics);
        this.turnLatency = Timer.builder("rapport_turn_seconds")
                .description("Time to run one turn")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    public void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread thread = new Thread(this::work, "inbox-worker-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    /** Tells the workers that updates are waiting. Cheap; call after every intake commit. */
    public void wake() {
        lock.lock();
        try {
            signals++;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        var batch = new ChatBatch(jdbi, settings, decoders, turns, processed, failed, turnLatency);
        while (running) {
            long seen = signals();
            try {
                ChatBatch.Result result;
                boolean alone;
                inPass.incrementAndGet();
                try {
                    result = batch.run();
                } finally {
                    alone = inPass.decrementAndGet() == 0;
                }
                if (alone && result.claimedChats() == 0 && !result.pendingUnsettled()) {
                    idle.passed();
                }
                if (result.turns() > 0) {
                    afterCommit.run();
                }
                if (result.claimedChats() == 0) {
                    // Nothing claimable: updates may be settling; look again after the window, or when woken.
                    waitForSignal(
                            seen,
                            result.pendingUnsettled() ? Math.max(5, settings.settleMillis() / 2) : IDLE_POLL_MILLIS);
                }
            } catch (RuntimeException e) {
                log.warn("Inbox batch failed; retrying shortly: {}", e.getMessage());
                waitForSignal(seen, IDLE_POLL_MILLIS);
            } catch (Error e) {
                // The batch rolled back; its updates stay pending. Keep the worker alive and say so loudly.
                log.error("Inbox batch failed with {}; retrying shortly", e, e);
                waitForSignal(seen, IDLE_POLL_MILLIS);
            }
        }
    }

    /**
     * Waits until a worker's pass that began after this call found nothing pending to claim, with no
     * other worker in a pass: every update that was claimable when this was called has had its turn
     * committed (or its retry scheduled). Updates still inside the settle window keep the workers
     * busy until they are claimed. Wakes the workers so they look at once. For tests and diagnostics.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return idle.awaitAfter(this::wake, timeout);
    }

    private long signals() {
        lock.lock();
        try {
            return signals;
        } finally {
            lock.unlock();
        }
    }

    private void waitForSignal(long seen, long millis) {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (running && signals == seen && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        if (signals() != seen && settings.settleMillis() > 0) {
            sleep(settings.settleMillis());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming; turns in flight finish and commit before this returns. */
    @Override
    public void close() {
        running = false;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
