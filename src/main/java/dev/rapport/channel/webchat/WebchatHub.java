package dev.rapport.channel.webchat;

import dev.rapport.store.LiveFeed;
import dev.rapport.web.live.LiveStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser tabs connected to this instance, by chat, fed from the {@link LiveFeed}: a notice on
 * {@code webchat:<chat key>} (published by whichever instance sent the reply) makes this instance
 * read the reply and push it to that chat's tabs here. After the feed was away, every tab here gets
 * its history again, which the page shows in place of what it had.
 *
 * <p>Ordering: a tab's first event is its history, the second the chat's details ({@code chat}). A tab joins before its history is read, so no
 * reply sent meanwhile is missed; pushes that arrive before the history is written are held and
 * written right after it. One chat's pushes run on one of a few single-thread lanes (chosen by the
 * chat key), so they leave in the order the notices came, and a slow chat holds up only its lane, never
 * the feed's thread. Thread-safe.
 */
final class WebchatHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebchatHub.class);
    private static final int LANES = 4;

    private final Map<String, List<Tab>> tabs = new ConcurrentHashMap<>();
    private final WebchatHistory history;
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final LiveFeed.Subscription subscription;

    WebchatHub(WebchatHistory history, LiveFeed feed) {
        this.history = history;
        for (int i = 0; i < LANES; i++) {
            String name = "rapport-webchat-push-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(runnable -> {
                var thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        this.subscription = feed.subscribePrefix(WebchatSender.TOPIC_PREFIX, new LiveFeed.Subscriber() {
            @Override
            public void onNotice(LiveFeed.Notice notice) {
                String chatKey = notice.topic().substring(WebchatSender.TOPIC_PREFIX.length());
                String deliveryKey = notice.data().path("key").asText(null);
                if (deliveryKey != null && tabs.containsKey(chatKey)) {
                    lane(
                            chatKey,
                            () -> history.reply(chatKey, deliveryKey)
                                    .ifPresent(event -> push(chatKey, event.name(), event.data())));
                }
            }

            @Override
            public void onResync() {
                for (String chatKey : tabs.keySet()) {
                    lane(chatKey, () -> {
                        WebchatHistory.Page recent = history.recent(chatKey);
                        push(chatKey, "history", recent.messages());
                        push(chatKey, "chat", history.chat(chatKey, recent.earlier()));
                    });
                }
            }
        });
    }

    /** Adds the stream as a tab of the chat, sends its history, then whatever was pushed meanwhile. */
    void open(String chatKey, LiveStream stream) {
        var tab = new Tab(stream);
        tabs.computeIfAbsent(chatKey, key -> new CopyOnWriteArrayList<>()).add(tab);
        stream.onClose(() -> leave(chatKey, tab));
        WebchatHistory.Page recent = history.recent(chatKey);
        tab.open(recent.messages(), history.chat(chatKey, recent.earlier()));
    }

    private void leave(String chatKey, Tab tab) {
        tabs.computeIfPresent(chatKey, (key, list) -> {
            list.remove(tab);
            return list.isEmpty() ? null : list;
        });
    }

    private void lane(String chatKey, Runnable work) {
        lanes[Math.floorMod(chatKey.hashCode(), LANES)].execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Pushing to a web chat's tabs failed; they catch up when they reconnect", e);
            }
        });
    }

    private void push(String chatKey, String event, Object data) {
        for (Tab tab : tabs.getOrDefault(chatKey, List.of())) {
            tab.push(event, data);
        }
    }

    /** Chats with a tab open here (for tests and metrics). */
    int chats() {
        return tabs.size();
    }

    @Override
    public void close() {
        subscription.close();
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One connected browser tab. */
    private static final class Tab {

        private record Held(String name, Object data) {}

        private final LiveStream stream;
        /** Pushes waiting for the history; null once it is written. Guarded by {@code this}. */
        private List<Held> held = new ArrayList<>();

        private Tab(LiveStream stream) {
            this.stream = stream;
        }

        /** The history, then the chat's details ({@code chat}: its language), then what was held. */
        synchronized void open(Object recent, Object chat) {
            stream.send("history", recent);
            stream.send("chat", chat);
            held.forEach(pushed -> stream.send(pushed.name(), pushed.data()));
            held = null;
        }

        synchronized void push(String event, Object data) {
            if (held != null) {
                held.add(new Held(event, data));
            } else {
                stream.send(event, data);
            }
        }
    }
}
