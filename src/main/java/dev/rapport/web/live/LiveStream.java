package dev.rapport.web.live;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open server-sent-event stream to one browser, as {@link LiveStreams} hands it out.
 *
 * <p>Thread-safe: {@link #send} may be called from any thread; writes to the browser are serialised
 * (Javalin's emitter is not thread-safe). A write that fails — the browser went away —
 * closes the stream. {@link #close()} is idempotent: the first call, from whichever thread, releases
 * the stream's slots, runs the close callbacks once and ends the HTTP response, which frees the
 * connection.
 */
public final class LiveStream {

    private final SseClient client;
    private final long openedAt = System.nanoTime();
    private final long lifetimeNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    /** Serialises writes: Javalin's emitter is not thread-safe. */
    private final ReentrantLock writing = new ReentrantLock();

    LiveStream(SseClient client, long lifetimeNanos) {
        this.client = client;
        this.lifetimeNanos = lifetimeNanos;
    }

    /** Sends one event; false when the stream is (or just became) closed. */
    public boolean send(String event, Object data) {
        writing.lock();
        try {
            if (!isOpen()) {
                return false;
            }
            client.sendEvent(event, data);
        } catch (RuntimeException e) {
            close();
            return false;
        } finally {
            writing.unlock();
        }
        if (client.terminated()) {
            close(); // the emitter saw the write fail and terminated the client
            return false;
        }
        return true;
    }

    /**
     * A comment line: keeps proxies from timing the stream out and finds browsers that left. Skipped
     * while another write is under way (that write is the sign of life, and a write stuck on a slow
     * browser must not hold up the heartbeats of every other stream).
     */
    boolean heartbeat() {
        if (!writing.tryLock()) {
            return isOpen();
        }
        try {
            if (!isOpen()) {
                return false;
            }
            client.sendComment("");
        } catch (RuntimeException e) {
            close();
            return false;
        } finally {
            writing.unlock();
        }
        if (client.terminated()) {
            close();
            return false;
        }
        return true;
    }

    public boolean isOpen() {
        return !closed.get() && !client.terminated();
    }

    boolean outlived(long now) {
        return now - openedAt > lifetimeNanos;
    }

    /** Runs {@code callback} once when the stream closes (at once if it already has). */
    public void onClose(Runnable callback) {
        onClose.add(callback);
        if (closed.get() && onClose.remove(callback)) {
            callback.run();
        }
    }

    /** Ends the stream; the browser's EventSource reconnects by itself. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Runnable callback : onClose) {
            if (onClose.remove(callback)) {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(LiveStream.class).error("A stream's close callback failed", e);
                }
            }
        }
        // Not under the write monitor: a write stuck on a dead peer must not hold the close.
        client.close(); // completes the response: Jetty closes the connection ("Connection: close")
    }
}
