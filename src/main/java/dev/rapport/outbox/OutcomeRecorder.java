package dev.rapport.outbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outcomes of finished batches — all batches that finished together in one transaction —
 * and remembers when rows put back will be due again, so the loop claims them on time without
 * polling. A write that fails is tried again at each turn of the loop until the rows' leases run
 * out; after that the rows belong to whichever sender claims them next, and the outcomes are dropped
 * (a row already delivered among them is sent again: delivery is at-least-once). Called by the loop
 * thread only.
 */
final class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final long DUE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int MAX_DUE_TIMES = 10_000;

    private final OutboxStore store;
    private final String owner;
    private final PriorityQueue<Long> dueTimes = new PriorityQueue<>();
    private final Deque<List<Batch>> unwritten = new ArrayDeque<>();

    OutcomeRecorder(OutboxStore store, String owner) {
        this.store = store;
        this.owner = owner;
    }

    /** Takes {@code batches} out of flight and writes their outcomes in one transaction. */
    void finished(List<Batch> batches, InFlight inFlight) {
        if (batches.isEmpty()) {
            return;
        }
        for (Batch batch : batches) {
            inFlight.remove(batch);
            for (Outcome outcome : batch.outcomes) {
                if ((outcome.kind() == Outcome.Kind.RETRY || outcome.kind() == Outcome.Kind.RELEASE)
                        && dueTimes.size() < MAX_DUE_TIMES) {
                    dueTimes.add(outcome.dueAt() + DUE_SLACK_NANOS);
                }
            }
        }
        List<Outcome> outcomes = outcomes(batches);
        try {
            store.write(outcomes, owner);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not write the outcomes of {} outbox rows ({}); trying again", outcomes.size(), e.toString());
            unwritten.add(List.copyOf(batches));
        }
    }

    /** Retries outcome writes that failed, until their leases run out and the rows are another sender's. */
    void writeUnwritten() {
        while (!unwritten.isEmpty()) {
            List<Batch> batches = unwritten.peek();
            long now = System.nanoTime();
            List<Batch> leased = batches.stream()
                    .filter(batch -> now - batch.leaseEnd() <= 0)
                    .toList();
            if (leased.size() < batches.size()) {
                int dropped = outcomes(batches).size() - outcomes(leased).size();
                log.warn(
                        "Dropping the outcomes of {} outbox rows after their leases expired; rows already "
                                + "delivered among them will be sent again",
                        dropped);
            }
            if (!leased.isEmpty()) {
                store.write(outcomes(leased), owner);
            }
            unwritten.poll();
        }
    }

    boolean allWritten() {
        return unwritten.isEmpty();
    }

    /** How long until a row put back is due again (at most {@code poll}, at least 1 ms); forgets past ones. */
    long untilNextDue(long now, long poll) {
        while (!dueTimes.isEmpty() && dueTimes.peek() <= now) {
            dueTimes.poll();
        }
        Long next = dueTimes.peek();
        return next == null ? poll : Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(poll, next - now));
    }

    private static List<Outcome> outcomes(List<Batch> batches) {
        var all = new ArrayList<Outcome>();
        for (Batch batch : batches) {
            all.addAll(batch.outcomes);
        }
        return all;
    }
}
