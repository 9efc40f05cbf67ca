package dev.rapport.outbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code renewEvery}, extends the leases of the rows in flight. A batch whose rows were all
 * renewed may go on starting sends; one that was not (the database unreachable, a lease that had run
 * out) stops starting them once its lease has less than the longest call left. Called by the loop
 * thread only.
 */
final class LeaseRenewal {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewal.class);

    private final OutboxStore store;
    private final String owner;
    private final Duration lease;
    private final Duration every;
    private long next = System.nanoTime();

    LeaseRenewal(OutboxStore store, String owner, Duration lease, Duration every) {
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.every = every;
    }

    void renewIfDue(InFlight inFlight) {
        long now = System.nanoTime();
        if (inFlight.isEmpty() || now - next < 0) {
            return;
        }
        next = now + every.toNanos();
        var batches = inFlight.batches();
        var ids = batches.stream()
                .flatMap(batch -> batch.rows.stream())
                .map(ClaimedRow::id)
                .toList();
        try {
            var renewed = store.renew(ids, lease, owner);
            for (Batch batch : batches) {
                if (batch.rows.stream().allMatch(row -> renewed.contains(row.id()))) {
                    batch.renewed(now, lease);
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
}
