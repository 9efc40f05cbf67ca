package dev.rapport.outbox;

import dev.rapport.channel.ChannelSender;
import dev.rapport.channel.Reply;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.IdlePasses;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
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
 * {@code leased_by}) that the loop renews every few seconds while the row is in flight; only the
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
 * {@code perChatBurst}; button answers are exempt) and one for all sends ({@code globalPerSecond});
 * a row whose chat has no token is put back with a later {@code next_attempt_at}, no attempt
 * counted, rather than holding a thread. Channel results: delivered → {@code sent};
 * retry-after → due again after exactly that delay; transient → exponential back-off with jitter,
 * {@code dead} after {@code maxAttempts}, and a retry-after pauses every chat of that channel (a bot's
 * flood limit is the bot's, not the chat's) until it has passed; rejected → {@code dead}; unreachable → {@code dead}, the
 * chat's other pending rows {@code skipped}, the channel account marked unreachable. Rows of chats
 * already marked unreachable are skipped, never sent. Dead letters and unreachable customers are
 * recorded as events.
 *
 * <p><b>Threading.</b> One loop thread claims batches and writes each batch's outcomes in one
 * transaction; {@code senders} threads make the channel calls, one task per chat per batch, taking
 * rate tokens as each call starts; several batches are in flight at once. {@link #wake()} may be
 * called from any thread; {@link #start()} and {@link #close()} once each. Without wakes the loop
 * polls every 250 ms.
 *
 * <p><b>Idle.</b> A claim pass that finds no row due, with nothing in flight and no outcome left to
 * write, counts as idle; {@link #awaitIdle} waits for one that began after the call, so a test can
 * assert that nothing more is sent instead of sleeping.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Object WAKE = new Object();
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    private static final long DUE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int MAX_DUE_TIMES = 10_000;

    /**
     * How the loop runs. Leases of rows in flight are renewed every {@code renewEvery}; a send starts
     * only while its lease has the longest channel call left, so the lease must be longer than that
     * call plus one renewal interval.
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
                    batch * 4,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30));
        }
    }

    private final OutboxStore store;
    private final Map<String, ChannelSender> senders = new HashMap<>();
    private final RapportConfig.Outbox settings;
    private final OutboxMetrics metrics;
    private final ChatSends chatSends;
    private final Tuning tuning;
    private final ExecutorService pool;
    private final Thread loop;
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopping;
    /** Idle claim passes so far; guarded by itself, which is notified at each. */
    private final IdlePasses idle = new IdlePasses();

    private final RateLimits limits;
    /** This sender's name on the rows it leases; a new one each start, so a restarted process renews nothing old. */
    private final String owner = java.util.UUID.randomUUID().toString();

    private final Duration longestCall;

    // Owned by the loop thread.
    private final Set<String> chatsInFlight = new HashSet<>();
    private final PriorityQueue<Long> dueTimes = new PriorityQueue<>();
    private final Deque<Batch> unwritten = new ArrayDeque<>();
    private final Set<Batch> batchesInFlight = new HashSet<>();
    private long nextRenewal = System.nanoTime();
    private int rowsInFlight;
    private long depthRefreshAt = System.nanoTime();

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
        for (ChannelSender sender : senders) {
            if (this.senders.putIfAbsent(sender.channel(), sender) != null) {
                throw new IllegalArgumentException("Two senders for channel '" + sender.channel() + "'");
            }
        }
        if (this.senders.isEmpty()) {
            throw new IllegalArgumentException("The outbox sender needs at least one channel sender");
        }
        this.longestCall = senders.stream()
                .map(ChannelSender::longestCall)
                .max(Duration::compareTo)
                .orElseThrow();
        if (tuning.lease().compareTo(longestCall.plus(tuning.renewEvery())) <= 0) {
            throw new IllegalArgumentException(
                    "The outbox lease (" + tuning.lease() + ") must be longer than the " + "longest channel call ("
                            + longestCall + ") plus the renewal interval (" + tuning.renewEvery() + ")");
        }
        this.store = new OutboxStore(jdbi);
        this.settings = settings;
        this.metrics = new OutboxMetrics(metrics);
        this.tuning = tuning;
        this.limits = new RateLimits(settings, System.nanoTime());
        this.chatSends = new ChatSends(this.senders, limits, settings.maxAttempts(), tuning.backoff(), this.metrics);
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
        signals.offer(WAKE);
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
        stopping = true;
        signals.offer(WAKE);
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

    // ---- the loop ----

    private void run() {
        log.info(
                "Outbox sender started: channels {}, {} senders, {}/s per chat (burst {}), {}/s in all",
                senders.keySet(),
                settings.senders(),
                settings.perChatPerSecond(),
                settings.perChatBurst(),
                settings.globalPerSecond());
        while (!(stopping && rowsInFlight == 0 && unwritten.isEmpty())) {
            long waitNanos;
            try {
                renewLeases();
                writeUnwritten();
                waitNanos = stopping ? tuning.pollInterval().toNanos() : claimAndDispatch();
            } catch (RuntimeException e) {
                log.warn("Outbox loop failed ({}); trying again in {}", e.toString(), ERROR_PAUSE);
                waitNanos = ERROR_PAUSE.toNanos();
            }
            if (!awaitSignals(waitNanos)) {
                break;
            }
        }
        log.info("Outbox sender stopped");
    }

    /** Claims and dispatches one batch; returns how long to wait before the next claim (0: at once). */
    private long claimAndDispatch() {
        long now = System.nanoTime();
        refreshDepthIfDue(now);
        while (!dueTimes.isEmpty() && dueTimes.peek() <= now) {
            dueTimes.poll();
        }
        int room = tuning.maxInFlight() - rowsInFlight;
        if (room <= 0) {
            return untilNextDue(now); // a finishing batch wakes the loop
        }
        int tokens = limits.globalAvailable(now);
        if (tokens <= 0) {
            return Math.min(Math.max(1, limits.globalWait(now)), untilNextDue(now));
        }
        List<String> open = senders.keySet().stream()
                .filter(channel -> limits.channelWait(channel, now) == 0)
                .toList();
        if (open.isEmpty()) { // every channel was told to wait (429 retry_after)
            long wait = senders.keySet().stream()
                    .mapToLong(channel -> limits.channelWait(channel, now))
                    .min()
                    .orElse(0);
            return Math.max(1, Math.min(wait, untilNextDue(now)));
        }
        int limit = Math.min(tuning.batchSize(), Math.min(room, tokens));
        List<ClaimedRow> rows = store.claim(limit, tuning.lease(), open, owner);
        if (!rows.isEmpty()) {
            dispatch(rows, now);
        } else if (rowsInFlight == 0 && unwritten.isEmpty()) {
            idle.passed();
        }
        return rows.size() == limit ? 0 : untilNextDue(now);
    }

    private void dispatch(List<ClaimedRow> claimed, long now) {
        Map<String, List<ClaimedRow>> byChat = new LinkedHashMap<>();
        Map<String, ClaimedRow> unreachableChats = new LinkedHashMap<>();
        for (ClaimedRow row : claimed) {
            if (row.unreachable()) {
                unreachableChats.putIfAbsent(row.chat(), row);
            } else {
                byChat.computeIfAbsent(row.chat(), chat -> new ArrayList<>()).add(row);
            }
        }
        for (ClaimedRow row : unreachableChats.values()) {
            try {
                metrics.skipped(store.skipUnreachable(row.channel(), row.chatKey()));
            } catch (RuntimeException e) { // the rows stay leased and are looked at again when it expires
                log.warn(
                        "Could not skip the replies to unreachable {} chat {}: {}",
                        row.channel(),
                        row.chatKey(),
                        e.toString());
            }
        }
        var batch = new Batch(
                claimed.stream().filter(row -> !row.unreachable()).toList(), now, tuning.lease(), longestCall);
        var tasks = new ArrayList<List<Batch.Send>>();
        for (var chat : byChat.entrySet()) {
            if (chatsInFlight.contains(chat.getKey())) { // only when a lease ran out mid-send
                chat.getValue().forEach(row -> batch.outcomes.add(Outcome.release(row, tuning.pollInterval())));
                continue;
            }
            var sends = new ArrayList<Batch.Send>();
            for (ClaimedRow row : chat.getValue()) {
                Reply reply;
                try {
                    reply = ReplyJson.decode(row.replyJson());
                } catch (IllegalArgumentException e) {
                    metrics.count(OutboxMetrics.Result.REJECTED);
                    batch.outcomes.add(Outcome.dead(row, "unreadable reply: " + e.getMessage()));
                    continue;
                }
                sends.add(new Batch.Send(row, reply));
            }
            if (!sends.isEmpty()) {
                tasks.add(sends);
                batch.chats.add(chat.getKey());
            }
        }
        rowsInFlight += batch.rows.size();
        chatsInFlight.addAll(batch.chats);
        batchesInFlight.add(batch);
        if (tasks.isEmpty()) {
            finished(batch);
            return;
        }
        batch.tasksLeft.set(tasks.size());
        for (List<Batch.Send> sends : tasks) {
            limits.promise(sends.size());
            pool.execute(() -> {
                try {
                    chatSends.sendAll(batch, sends);
                } finally {
                    limits.settle(sends.size());
                    if (batch.tasksLeft.decrementAndGet() == 0) {
                        signals.offer(batch);
                    }
                }
            });
        }
    }

    /** Waits for a finished batch, a wake or the timeout; handles what arrived. False when interrupted. */
    private boolean awaitSignals(long waitNanos) {
        Object signal;
        try {
            signal = waitNanos <= 0 ? signals.poll() : signals.poll(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        while (signal != null) {
            if (signal instanceof Batch batch) {
                finished(batch);
            }
            signal = signals.poll();
        }
        return true;
    }

    private void finished(Batch batch) {
        batchesInFlight.remove(batch);
        rowsInFlight -= batch.rows.size();
        chatsInFlight.removeAll(batch.chats);
        for (Outcome outcome : batch.outcomes) {
            if ((outcome.kind() == Outcome.Kind.RETRY || outcome.kind() == Outcome.Kind.RELEASE)
                    && dueTimes.size() < MAX_DUE_TIMES) {
                dueTimes.add(outcome.dueAt() + DUE_SLACK_NANOS);
            }
        }
        try {
            store.write(List.copyOf(batch.outcomes));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not write the outcomes of {} outbox rows ({}); trying again",
                    batch.outcomes.size(),
                    e.toString());
            unwritten.add(batch);
        }
    }

    /** Retries outcome writes that failed, until their leases run out and the rows are another sender's. */
    private void writeUnwritten() {
        while (!unwritten.isEmpty()) {
            Batch batch = unwritten.peek();
            if (System.nanoTime() - batch.leaseEnd() > 0) {
                log.warn(
                        "Dropping the outcomes of {} outbox rows after their leases expired; rows already "
                                + "delivered among them will be sent again",
                        batch.outcomes.size());
                unwritten.poll();
                continue;
            }
            store.write(List.copyOf(batch.outcomes));
            unwritten.poll();
        }
    }

    /**
     * Every {@code renewEvery}, extends the leases of the rows in flight. A batch whose rows were all
     * renewed may go on starting sends; one that was not (the database unreachable, a lease that had
     * run out) stops starting them once its lease has less than the longest call left.
     */
    private void renewLeases() {
        long now = System.nanoTime();
        if (batchesInFlight.isEmpty() || now - nextRenewal < 0) {
            return;
        }
        nextRenewal = now + tuning.renewEvery().toNanos();
        var ids = batchesInFlight.stream()
                .flatMap(batch -> batch.rows.stream())
                .map(ClaimedRow::id)
                .toList();
        try {
            var renewed = store.renew(ids, tuning.lease(), owner);
            for (Batch batch : batchesInFlight) {
                if (batch.rows.stream().allMatch(row -> renewed.contains(row.id()))) {
                    batch.renewed(now, tuning.lease());
                }
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not renew the leases of {} outbox rows in flight ({}); their sends stop starting "
                            + "before the leases run out",
                    ids.size(),
                    e.toString());
        }
    }

    private long untilNextDue(long now) {
        long poll = tuning.pollInterval().toNanos();
        Long next = dueTimes.peek();
        return next == null ? poll : Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(poll, next - now));
    }

    private void refreshDepthIfDue(long now) {
        if (now - depthRefreshAt >= 0) {
            depthRefreshAt = now + tuning.depthInterval().toNanos();
            metrics.depth(store.depth());
            limits.forgetIdle(now);
        }
    }
}
