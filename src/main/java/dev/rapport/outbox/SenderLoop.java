package dev.rapport.outbox;

import dev.rapport.store.IdlePasses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox loop thread's work: renew leases, retry failed outcome writes, claim what may go now and
 * dispatch it, then wait for a finished batch, a wake or the next due time. Everything here is owned
 * by that one thread; other threads reach it only through {@link Signals}.
 */
final class SenderLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SenderLoop.class);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    private final OutboxStore store;
    private final Set<String> channels;
    private final OutboxSender.Tuning tuning;
    private final RateLimits limits;
    private final OutboxMetrics metrics;
    private final String owner;
    private final Signals signals;
    private final IdlePasses idle;
    private final ChatDispatch dispatch;
    private final OutcomeRecorder recorder;
    private final LeaseRenewal renewal;
    private final RateShare share;
    private final InFlight inFlight = new InFlight();
    private volatile boolean stopping;
    private long depthRefreshAt = System.nanoTime();
    private long shareAt = System.nanoTime(); // the first pass takes its share before it claims
    private int senders = 1; // as the start's log line assumes
    /**
     * Rows the next claim asks for: {@code tuning.batchSize()}, doubled after each claim that found as
     * many rows as it asked for, up to half of {@code maxInFlight} — a backlog is worked off in fewer,
     * larger claims and outcome writes, while a quiet outbox claims small batches that go out at once.
     */
    private int batchSize;

    private final int maxBatchSize;

    SenderLoop(
            OutboxStore store,
            Set<String> channels,
            OutboxSender.Tuning tuning,
            RateLimits limits,
            OutboxMetrics metrics,
            String owner,
            Signals signals,
            IdlePasses idle,
            ChatDispatch dispatch,
            RateShare share) {
        this.store = store;
        this.channels = Set.copyOf(channels);
        this.tuning = tuning;
        this.limits = limits;
        this.metrics = metrics;
        this.owner = owner;
        this.signals = signals;
        this.idle = idle;
        this.dispatch = dispatch;
        this.share = share;
        this.recorder = new OutcomeRecorder(store, owner);
        this.renewal = new LeaseRenewal(store, owner, tuning.lease(), tuning.renewEvery());
        this.batchSize = tuning.batchSize();
        this.maxBatchSize = Math.max(tuning.batchSize(), Math.min(OutboxStore.MAX_CLAIM, tuning.maxInFlight() / 2));
    }

    /** Stops claiming; the loop ends once the sends in flight have finished and their outcomes are written. Any thread. */
    void stop() {
        stopping = true;
        signals.wake();
    }

    @Override
    public void run() {
        while (!(stopping && inFlight.rows() == 0 && recorder.allWritten())) {
            long waitNanos;
            try {
                renewal.renewIfDue(inFlight);
                recorder.writeUnwritten();
                waitNanos = stopping ? tuning.pollInterval().toNanos() : claimAndDispatch();
            } catch (RuntimeException e) {
                log.warn("Outbox loop failed ({}); trying again in {}", e.toString(), ERROR_PAUSE);
                waitNanos = ERROR_PAUSE.toNanos();
            }
            var finished = new ArrayList<Batch>();
            if (!signals.await(waitNanos, finished::add)) {
                break;
            }
            recorder.finished(finished, inFlight); // batches that finished together: one transaction
        }
        try {
            share.leave(owner);
        } catch (RuntimeException e) { // forgotten after RateShare.GONE_AFTER anyway
            log.warn("Could not remove this outbox sender from outbox_senders: {}", e.toString());
        }
        log.info("Outbox sender stopped");
    }

    /** Claims and dispatches one batch; returns how long to wait before the next claim (0: at once). */
    private long claimAndDispatch() {
        long now = System.nanoTime();
        refreshDepthIfDue(now);
        shareIfDue(now);
        long poll = tuning.pollInterval().toNanos();
        int room = tuning.maxInFlight() - inFlight.rows();
        if (room <= 0) {
            return recorder.untilNextDue(now, poll); // a finishing batch wakes the loop
        }
        int tokens = limits.globalAvailable(now);
        if (tokens <= 0) {
            return Math.min(Math.max(1, limits.globalWait(now)), recorder.untilNextDue(now, poll));
        }
        List<String> open = channels.stream()
                .filter(channel -> limits.channelWait(channel, now) == 0)
                .toList();
        if (open.isEmpty()) { // every channel was told to wait (429 retry_after)
            long wait = channels.stream()
                    .mapToLong(channel -> limits.channelWait(channel, now))
                    .min()
                    .orElse(0);
            return Math.max(1, Math.min(wait, recorder.untilNextDue(now, poll)));
        }
        int limit = OutboxStore.claimSize(Math.min(batchSize, Math.min(room, tokens)));
        List<ClaimedRow> rows = store.claim(limit, tuning.lease(), open, owner);
        if (!rows.isEmpty()) {
            dispatch.dispatch(rows, now, inFlight);
        } else if (inFlight.rows() == 0 && recorder.allWritten()) {
            idle.passed();
        }
        if (rows.size() == limit) { // more may be due: claim again at once, and more of them
            batchSize = Math.min(batchSize * 2, maxBatchSize);
            return 0;
        }
        batchSize = tuning.batchSize();
        return recorder.untilNextDue(now, poll);
    }

    /** Writes this sender's heartbeat and takes its part of the global rate (see {@link RateShare}). */
    private void shareIfDue(long now) {
        if (now - shareAt >= 0) {
            shareAt = now + RateShare.EVERY.toNanos();
            int count = share.beat(owner);
            if (count != senders) { // the rate changes only with the count
                senders = count;
                double perSecond = limits.share(count, now);
                log.info(
                        "Outbox senders on this database: {}; this one sends up to {}/s of the bot's rate",
                        count,
                        perSecond);
            }
        }
    }

    private void refreshDepthIfDue(long now) {
        if (now - depthRefreshAt >= 0) {
            depthRefreshAt = now + tuning.depthInterval().toNanos();
            metrics.depth(store.depth());
            limits.forgetIdle(now);
        }
    }
}
