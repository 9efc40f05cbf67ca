package dev.rapport.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores inbound updates durably, with group commit: concurrent {@link #store} calls are gathered
 * by a few writer threads into one multi-row {@code INSERT … ON CONFLICT DO NOTHING} per
 * transaction, so under load many webhook requests share one disk flush.
 *
 * <p>Contract: the returned future completes only after the row is committed (the caller may then
 * acknowledge the update), or exceptionally when the database is unreachable (the caller answers
 * 503 and the channel retries). A batch is one statement, so nothing is ever half-written.
 * Thread-safe.
 */
public final class Intake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final int MAX_BATCH = 500;

    /** What happened to a stored update. */
    public enum Outcome {
        STORED,
        DUPLICATE
    }

    private record Request(NewUpdate update, CompletableFuture<Outcome> result) {}

    private final Jdbi jdbi;
    private final Runnable onStored;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean accepting = true;

    /** @param onStored called after each commit that stored pending updates (wakes the workers) */
    public Intake(Jdbi jdbi, int writerThreads, Runnable onStored) {
        this.jdbi = jdbi;
        this.onStored = onStored;
        for (int i = 0; i < writerThreads; i++) {
            Thread writer = new Thread(this::writeLoop, "intake-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    public CompletableFuture<Outcome> store(NewUpdate update) {
        var request = new Request(update, new CompletableFuture<>());
        if (!accepting) {
            request.result().completeExceptionally(new IllegalStateException("Rapport is shutting down"));
        } else {
            queue.add(request);
        }
        return request.result();
    }

    private void writeLoop() {
        var batch = new ArrayList<Request>(MAX_BATCH);
        while (accepting || !queue.isEmpty()) {
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
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
        return new Request(asText, request.result());
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

    /** Stops taking updates, then writes what is already queued. */
    @Override
    public void close() {
        accepting = false;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.forEach(request -> request.result().completeExceptionally(new IllegalStateException("Rapport stopped")));
    }
}
