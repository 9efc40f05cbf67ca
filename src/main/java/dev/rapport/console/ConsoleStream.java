package dev.rapport.console;

import dev.rapport.feature.PageRoute;
import dev.rapport.staff.StaffSession;
import dev.rapport.store.LiveFeed;
import dev.rapport.web.live.LiveStream;
import dev.rapport.web.live.LiveStreams;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /console/stream}: what changed, live, for every open console page — new handoffs, claims,
 * customer messages in handed-over chats — as the features announce it on the {@code console} topic
 * (from any instance, through PostgreSQL NOTIFY). Events carry only ids and a kind; the page fetches
 * the parts it shows. On (re)connect the page receives {@code hello} and re-reads what it shows; after
 * a listener outage, {@code resync} asks the same.
 *
 * <p>One feed subscription for all browsers; notices are passed to the streams on this class's own
 * thread, so a slow browser never holds up the feed. Streams follow {@link LiveStreams}' rules
 * (heartbeat, detected close, lifetime, caps: {@value #PER_SESSION} per session). Thread-safe.
 */
final class ConsoleStream implements AutoCloseable {

    static final String TOPIC = "console";
    static final int PER_SESSION = 6;

    private final LiveStreams streams;
    private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "rapport-console-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final LiveFeed.Subscription subscription;

    ConsoleStream(LiveFeed feed, MeterRegistry metrics) {
        this.streams = new LiveStreams(
                "console", new LiveStreams.Limits(2_000, Duration.ofSeconds(15), Duration.ofMinutes(30)), metrics);
        this.subscription = feed.subscribePrefix(TOPIC, new LiveFeed.Subscriber() {
            @Override
            public void onNotice(LiveFeed.Notice notice) {
                if (notice.topic().equals(TOPIC)) {
                    String data = notice.data() == null ? "{}" : notice.data().toString();
                    fanOut.execute(() -> send("change", data));
                }
            }

            @Override
            public void onResync() {
                fanOut.execute(() -> send("resync", "{}"));
            }
        });
    }

    List<PageRoute> routes() {
        return List.of(PageRoute.get("/console/stream", PageRoute.Access.ANY_STAFF, this::open));
    }

    private void open(Context ctx, StaffSession session) throws Exception {
        var share = new LiveStreams.Share("staff:" + session.member().id(), PER_SESSION, "console_streams_per_member");
        streams.open(ctx, List.of(share), stream -> {
            open.add(stream);
            stream.onClose(() -> open.remove(stream));
            stream.send("hello", Map.of("staff", session.member().name()));
        });
    }

    private void send(String event, String json) {
        for (LiveStream stream : open) {
            stream.send(event, json);
        }
    }

    int openCount() {
        return streams.openCount();
    }

    @Override
    public void close() {
        subscription.close();
        streams.close();
        fanOut.shutdownNow();
    }
}
