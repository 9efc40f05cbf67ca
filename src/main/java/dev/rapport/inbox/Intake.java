package dev.rapport.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores inbound updates durably, with group commit led by the callers: the thread that stores an
 * update writes it itself when one of the write slots is free, in one multi-row {@code INSERT … ON
 * CONFLICT DO NOTHING} with every update queued meanwhile. A caller that finds every slot taken
 * leaves its update in the queue and waits; whoever lets a slot go wakes the waiters, and one of
 * them writes the next batch. So under load many webhook requests share one disk flush (about 8
 * updates per commit at 32 connections in bench/intake.sh), and a request's update is never handed
 * to another thread and back: the thread that read it stores it and answers. Before, writer threads
 * did the INSERT, and each request waited for two wake-ups on a machine busy with processing.
 *
 * <p>Contract: {@link #store} returns only after the row is committed (the caller may then
 * acknowledge the update), or throws {@link Unavailable} when the database is unreachable or slow
 * beyond the wait (the caller answers 503 and the channel retries). A batch is one statement, so
 * nothing is ever half-written. Thread-safe.
 */
public final class Intake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final int MAX_BATCH = 500;

    /** What happened to a stored update. */
    public enum Outcome {
        STORED,
        DUPLICATE
    }

    /** The update could not be stored (database unreachable, too slow, or Rapport stopping); not stored. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A caller's update; {@code taken} once a batch holds it (then only that batch's writer completes it). */
    private record Request(NewUpdate update, CompletableFuture<Outcome> result, AtomicBoolean taken) {
        Request(NewUpdate update) {
            this(update, new CompletableFuture<>(), new AtomicBoolean());
        }
    }

    private final Jdbi jdbi;
    private final Runnable onStored;
    private final int slotCount;
    private final Semaphore slots;
    private final Queue<Request> queue = new ConcurrentLinkedQueue<>();
    private final Object turns = new Object(); // notified when a slot is let go (a batch is done)
    private volatile boolean accepting = true;

    /**
     * @param writeSlots how many batches may be written at once (each holds a connection meanwhile)
     * @param onStored called after each commit that stored pending updates (wakes the workers)
     */
    public Intake(Jdbi jdbi, int writeSlots, Runnable onStored) {
        this.jdbi = jdbi;
        this.onStored = onStored;
        this.slotCount = writeSlots;
        this.slots = new Semaphore(writeSlots);
    }

    /** Stores the update and returns once it is committed, waiting at most {@code wait}. */
    public Outcome store(NewUpdate update, Duration wait) throws Unavailable {
        var request = new Request(update);
        if (!accepting) {
            throw new Unavailable("Rapport is shutting down", null);
        }
        queue.add(request);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!request.result().isDone()) {
                if (!request.taken().get() && slots.tryAcquire()) {
                    try {
                        writeQueued();
                    } finally {
                        slots.release();
                        synchronized (turns) {
                            turns.notifyAll();
                        }
                    }
                } else {
                    awaitTurn(request, deadline);
                }
            }
            return request.result().get();
        } catch (ExecutionException e) {
            throw new Unavailable("could not store the update: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            // Still queued: taken out, so it is not stored after the caller answered that it was not.
            // Already in a batch being written: it may still be stored, and the channel's retry of it
            // is then a duplicate.
            queue.remove(request);
            throw new Unavailable("storing the update took longer than " + wait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while storing the update", e);
        }
    }

    /**
     * Waits while another caller's batch holds the request, or every slot is taken, until a slot is
     * let go or the request is done. The check and the wait happen under the monitor a slot's holder
     * notifies after letting it go (its batch's requests completed by then), so no wake-up is missed.
     */
    private void awaitTurn(Request request, long deadline) throws InterruptedException, TimeoutException {
        synchronized (turns) {
            if (!request.result().isDone() && (request.taken().get() || slots.availablePermits() == 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                TimeUnit.NANOSECONDS.timedWait(turns, left);
            }
        }
    }

    /** Writes the updates queued now, up to {@link #MAX_BATCH}, in one statement. */
    private void writeQueued() {
        var batch = new ArrayList<Request>();
        Request next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            next.taken().set(true);
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<Request> batch) {
        try {
            List<NewUpdate> updates = batch.stream().map(Request::update).toList();
            complete(batch, insert(updates));
            // The webhook answers first; waking the workers can wait that long.
            if (updates.stream().anyMatch(update -> update.status() == UpdateStatus.PENDING)) {
                onStored.run();
            }
        } catch (RuntimeException e) {
            if (isDataError(e) && batch.size() > 1) {
                batch.forEach(request -> write(List.of(request))); // one bad body must not fail its neighbours
            } else if (isDataError(e) && batch.get(0).update().payload() != null) {
                write(List.of(asRejectedText(batch.get(0), e)));
            } else {
                log.warn("Could not store {} inbound updates: {}", batch.size(), e.getMessage());
                batch.forEach(request -> request.result().completeExceptionally(e));
            }
        }
    }

    private List<UpdateRows.Key> insert(List<NewUpdate> updates) {
        // One statement in autocommit: as atomic as a transaction around it, and the separate COMMIT
        // round trip is saved before the webhook may answer.
        return jdbi.withHandle(handle -> UpdateRows.insert(handle, updates));
    }

    /** A body PostgreSQL refuses as jsonb (a \u0000 escape, say) is kept as text, rejected with the reason. */
    private static Request asRejectedText(Request request, RuntimeException error) {
        var update = request.update();
        var asText = NewUpdate.settled(
                update.channel(),
                update.updateId(),
                update.chatKey(),
                update.kind(),
                null,
                update.payload(),
                UpdateStatus.REJECTED,
                "the database refused the payload: " + rootMessage(error));
        return new Request(asText, request.result(), request.taken());
    }

    private static boolean isDataError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The first request for each (channel, update id) the database inserted is STORED; the rest are duplicates. */
    private static void complete(List<Request> batch, List<UpdateRows.Key> inserted) {
        Map<UpdateRows.Key, Boolean> fresh = new HashMap<>();
        inserted.forEach(key -> fresh.put(key, true));
        for (Request request : batch) {
            var update = request.update();
            if (update.updateId() == null) {
                request.result().complete(Outcome.STORED);
            } else {
                Boolean unclaimed = fresh.replace(new UpdateRows.Key(update.channel(), update.updateId()), false);
                request.result().complete(Boolean.TRUE.equals(unclaimed) ? Outcome.STORED : Outcome.DUPLICATE);
            }
        }
    }

    /** Stops taking updates, waits for the batches being written, then writes what is still queued. */
    @Override
    public void close() {
        accepting = false;
        try {
            if (slots.tryAcquire(slotCount, 10, TimeUnit.SECONDS)) {
                try {
                    while (!queue.isEmpty()) {
                        writeQueued();
                    }
                } finally {
                    slots.release(slotCount);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Request left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("Rapport stopped"));
        }
        synchronized (turns) {
            turns.notifyAll();
        }
    }
}
