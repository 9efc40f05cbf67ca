package dev.rapport.web.live;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent-event streams of one kind (the web chat's, the console's), with the rules every
 * stream the product opens follows:
 * <ul>
 * <li><b>Caps.</b> At most {@code maxOpen} streams of this kind on this instance (over it: 503) and at
 *     most {@link Share#max()} per client key the caller names — a session, an address (over it: 429).
 *     Both answers carry {@code Retry-After}; see {@link LimitExceeded}. The check happens before the
 *     stream starts, so a refusal is a plain HTTP status.</li>
 * <li><b>Heartbeat.</b> A comment line every {@code heartbeat} keeps proxies from cutting an idle
 *     stream and finds browsers that left: the write fails and the stream closes.</li>
 * <li><b>Detected close.</b> A failed write, the servlet container ending the request (error, time-out)
 *     and {@link #close()} all close the stream once: its slots are released, its
 *     {@link LiveStream#onClose} callbacks run, and the HTTP response completes, which frees the
 *     connection and its file descriptor.</li>
 * <li><b>Lifetime.</b> After {@code maxLifetime} (less up to a fifth, so reconnects spread out) the
 *     server ends the stream; the browser's {@code EventSource} reconnects by itself, which also
 *     moves it to whichever instance the load balancer picks.</li>
 * </ul>
 *
 * <p>What a subscriber sees on (re)connect: every connection is new; {@code onOpen} runs for it and
 * must send the current state first (a history, a queue), because nothing sent while the browser was
 * away is replayed. Pages therefore treat the first event as "replace what you show".
 *
 * <p>Threading: {@code onOpen} runs on Javalin's async thread for the request; heartbeats and lifetime
 * ends on this object's one scheduler thread; {@link LiveStream#send} on any thread. Thread-safe.
 *
 * <p>Meters, tagged {@code stream=<name>}: {@code rapport_live_streams_open},
 * {@code rapport_live_streams_opened_total}, {@code rapport_live_streams_refused_total{reason}}.
 */
public final class LiveStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** Settings of one kind of stream. */
    public record Limits(int maxOpen, Duration heartbeat, Duration maxLifetime) {
        public Limits {
            if (maxOpen < 1 || heartbeat.isNegative() || heartbeat.isZero() || maxLifetime.compareTo(heartbeat) < 0) {
                throw new IllegalArgumentException("stream limits need maxOpen >= 1 and 0 < heartbeat <= maxLifetime");
            }
        }
    }

    /** A client's share: at most {@code max} open streams under {@code key} (say "session:…" or "address:…"). */
    public record Share(String key, int max, String limit) {}

    private final String name;
    private final Limits limits;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks;
    private final Counter opened;
    private final MeterRegistry metrics;

    public LiveStreams(String name, Limits limits, MeterRegistry metrics) {
        this.name = name;
        this.limits = limits;
        this.metrics = metrics;
        this.ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "rapport-streams-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long every = limits.heartbeat().toMillis();
        ticks.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        Gauge.builder("rapport.live.streams.open", reserved, AtomicInteger::get)
                .tag("stream", name)
                .description("Server-sent-event streams open on this instance")
                .register(metrics);
        this.opened = Counter.builder("rapport.live.streams.opened")
                .tag("stream", name)
                .description("Server-sent-event streams opened")
                .register(metrics);
    }

    /**
     * Answers the request with an event stream and calls {@code onOpen} with it, or throws
     * {@link LimitExceeded} when a cap is reached. The request must accept {@code text/event-stream}.
     */
    public void open(Context ctx, List<Share> shares, Consumer<LiveStream> onOpen) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new io.javalin.http.BadRequestResponse(
                    "this is an event stream: request it with " + "'Accept: text/event-stream' (EventSource does)");
        }
        reserve(shares);
        boolean started = false;
        try {
            new SseHandler(client -> start(client, shares, onOpen)).handle(ctx);
            started = true;
        } finally {
            if (!started) {
                release(shares);
            }
        }
    }

    private void start(SseClient client, List<Share> shares, Consumer<LiveStream> onOpen) {
        long lifetime = limits.maxLifetime().toNanos();
        lifetime -= ThreadLocalRandom.current().nextLong(lifetime / 5 + 1);
        var stream = new LiveStream(client, lifetime);
        stream.onClose(() -> {
            open.remove(stream);
            release(shares);
        });
        client.onClose(stream::close);
        watchContainer(client, stream);
        client.keepAlive();
        open.add(stream);
        opened.increment();
        try {
            onOpen.accept(stream);
        } catch (RuntimeException e) {
            log.error("Opening a {} stream failed", name, e);
            stream.close();
        }
    }

    /** Closes the stream when the container ends the request itself (an error, a time-out). */
    private static void watchContainer(SseClient client, LiveStream stream) {
        try {
            if (client.ctx().req().isAsyncStarted()) {
                client.ctx().req().getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        stream.close();
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        stream.close();
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        stream.close();
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // the stream stays the same
                    }
                });
            }
        } catch (IllegalStateException e) {
            // the request is already done: the first write fails and closes the stream
        }
    }

    private void reserve(List<Share> shares) {
        if (reserved.incrementAndGet() > limits.maxOpen()) {
            reserved.decrementAndGet();
            refused("server");
            throw LimitExceeded.full(
                    name + "_streams",
                    limits.heartbeat(),
                    "the server has as many live connections as it takes; try again shortly");
        }
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            int count = perKey.computeIfAbsent(share.key(), key -> new AtomicInteger())
                    .incrementAndGet();
            if (count > share.max()) {
                release(shares.subList(0, i + 1));
                refused(share.limit());
                throw LimitExceeded.tooMany(
                        share.limit(),
                        limits.heartbeat(),
                        "at most " + share.max() + " live connections are allowed here (" + share.limit()
                                + "); close a tab or try again shortly");
            }
        }
    }

    /** Gives back the total slot and the slots of {@code shares}. */
    private void release(List<Share> shares) {
        reserved.decrementAndGet();
        for (Share share : shares) {
            perKey.computeIfPresent(share.key(), (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    private void refused(String reason) {
        Counter.builder("rapport.live.streams.refused")
                .tag("stream", name)
                .tag("reason", reason)
                .description("Stream requests refused by a cap")
                .register(metrics)
                .increment();
    }

    private void tick() {
        long now = System.nanoTime();
        for (LiveStream stream : open) {
            try {
                if (stream.outlived(now)) {
                    stream.close();
                } else {
                    stream.heartbeat();
                }
            } catch (RuntimeException e) {
                log.warn("A {} stream's heartbeat failed; closing it", name, e);
                stream.close();
            }
        }
    }

    /** Streams open on this instance right now. */
    public int openCount() {
        return reserved.get();
    }

    /** Ends every stream (their browsers reconnect elsewhere) and stops the heartbeat. */
    @Override
    public void close() {
        ticks.shutdownNow();
        for (LiveStream stream : open) {
            stream.close();
        }
    }
}
