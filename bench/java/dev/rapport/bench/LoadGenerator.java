package dev.rapport.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A closed-loop webhook load: many chats, each with at most one update in flight, posted over a
 * fixed number of keep-alive connections — the way Telegram delivers (one update per chat at a
 * time, the next only after the previous one is done).
 *
 * <p>When a chat's update is done depends on the target: {@link Completion#ON_ANSWER} frees the
 * chat when the 200 arrives (a store-only endpoint has nothing more to do), {@link
 * Completion#ON_REPLY} when {@link #replied} reports the bot's reply for that chat (end to end).
 * A chat freed goes to the back of one FIFO queue, from which the connection threads take work.
 *
 * <p>Samples count when the update was posted inside the measuring window; throughput counts
 * updates finished inside it. Thread-safe: {@link #replied} may be called from any thread.
 */
final class LoadGenerator {

    enum Completion {
        ON_ANSWER,
        ON_REPLY
    }

    /** What one measuring window saw. */
    record Result(
            double seconds,
            long posted,
            long completed,
            long errors,
            long missing,
            long strayReplies,
            Latencies.Summary answer,
            Latencies.Summary endToEnd) {

        double throughput() {
            return completed / seconds;
        }
    }

    static final long FIRST_CHAT_ID = 500_000_000L;
    private static final long NOT_YET = Long.MAX_VALUE;

    private final int port;
    private final String path;
    private final Map<String, String> headers;
    private final UpdateBodies bodies;
    private final int chats;
    private final int connections;
    private final Completion completion;
    private final AtomicLong updateIds;
    private final BlockingQueue<Integer> ready;
    private final AtomicLongArray postedAt; // per chat: when its update in flight was posted, 0 when none
    private final List<Thread> threads = new ArrayList<>();
    private final Latencies answers = new Latencies();
    private final Latencies endToEnd = new Latencies();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong strayReplies = new AtomicLong();
    private volatile long windowStart = NOT_YET;
    private volatile long windowEnd = NOT_YET;
    private volatile boolean stopping;

    /** @param updateIds shared across phases so update ids never repeat in one run */
    LoadGenerator(
            int port,
            String path,
            Map<String, String> headers,
            UpdateBodies bodies,
            int chats,
            int connections,
            Completion completion,
            AtomicLong updateIds) {
        this.port = port;
        this.path = path;
        this.headers = headers;
        this.bodies = bodies;
        this.chats = chats;
        this.connections = connections;
        this.completion = completion;
        this.updateIds = updateIds;
        this.ready = new ArrayBlockingQueue<>(chats);
        this.postedAt = new AtomicLongArray(chats);
    }

    void start() {
        for (int chat = 0; chat < chats; chat++) {
            ready.add(chat);
        }
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(this::post, "load-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void startMeasuring() {
        windowStart = System.nanoTime();
    }

    void stopMeasuring() {
        windowEnd = System.nanoTime();
    }

    /** The fake Bot API received a reply for this chat. */
    void replied(long chatId) {
        long chat = chatId - FIRST_CHAT_ID;
        if (chat < 0 || chat >= chats) {
            strayReplies.incrementAndGet();
            return;
        }
        long sentAt = postedAt.getAndSet((int) chat, 0);
        if (sentAt == 0) {
            strayReplies.incrementAndGet(); // a second reply to one update, or one after an error answer
        } else {
            done((int) chat, sentAt, System.nanoTime());
        }
    }

    /** Stops posting, waits up to {@code drain} for the updates in flight, and reports the window. */
    Result stop(Duration drain) throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
        long deadline = System.nanoTime() + drain.toNanos();
        while (inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double seconds = (windowEnd - windowStart) / 1e9;
        Latencies.Summary answer = answers.summary();
        return new Result(
                seconds,
                posted.get(),
                completed.get(),
                errors.get(),
                inFlight(),
                strayReplies.get(),
                answer,
                completion == Completion.ON_ANSWER ? answer : endToEnd.summary());
    }

    private long inFlight() {
        long count = 0;
        for (int chat = 0; chat < chats; chat++) {
            if (postedAt.get(chat) != 0) {
                count++;
            }
        }
        return count;
    }

    private void post() {
        try (var connection = new HttpConnection(port, path, headers)) {
            while (!stopping) {
                Integer chat = ready.poll(20, TimeUnit.MILLISECONDS);
                if (chat != null) {
                    postOne(connection, chat);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void postOne(HttpConnection connection, int chat) {
        byte[] body = bodies.body(updateIds.incrementAndGet(), FIRST_CHAT_ID + chat);
        long sentAt = System.nanoTime();
        if (completion == Completion.ON_REPLY) {
            postedAt.set(chat, sentAt);
        }
        int status;
        try {
            status = connection.post(body);
        } catch (IOException e) {
            status = -1;
        }
        long answeredAt = System.nanoTime();
        boolean counted = inWindow(sentAt);
        if (counted) {
            posted.incrementAndGet();
            answers.record(answeredAt - sentAt);
        }
        if (status != 200) {
            if (counted) {
                errors.incrementAndGet();
            }
            if (completion == Completion.ON_ANSWER || postedAt.getAndSet(chat, 0) != 0) {
                ready.add(chat); // no reply will come for a refused update; the chat goes on
            }
            return;
        }
        if (completion == Completion.ON_ANSWER) {
            done(chat, sentAt, answeredAt);
        }
    }

    private void done(int chat, long sentAt, long finishedAt) {
        if (inWindow(sentAt) && completion == Completion.ON_REPLY) {
            endToEnd.record(finishedAt - sentAt);
        }
        if (inWindow(finishedAt)) {
            completed.incrementAndGet();
        }
        if (!stopping) {
            ready.add(chat);
        }
    }

    private boolean inWindow(long nanos) {
        long start = windowStart;
        long end = windowEnd;
        return start != NOT_YET && nanos - start >= 0 && (end == NOT_YET || nanos - end < 0);
    }
}
