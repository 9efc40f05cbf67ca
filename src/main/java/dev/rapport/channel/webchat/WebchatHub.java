package dev.rapport.channel.webchat;

import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The browsers connected to this process, by web chat session. A session may have several tabs
 * open; each gets every push. Thread-safe.
 *
 * <p>Ordering: a tab's first event is its history. A tab joins before its history is read, so no
 * reply sent meanwhile is missed; pushes that arrive before the history is written are held and
 * written right after it. Javalin's emitter is not thread-safe, so every write to a client, and the
 * held pushes, are guarded by the client's monitor.
 */
final class WebchatHub {

    private final Map<String, List<Tab>> tabs = new ConcurrentHashMap<>();

    /** Adds a tab that holds pushes until {@link Tab#open} has written its history. */
    Tab join(String session, SseClient client) {
        var tab = new Tab(client);
        tabs.computeIfAbsent(session, key -> new CopyOnWriteArrayList<>()).add(tab);
        client.onClose(() -> leave(session, tab));
        return tab;
    }

    private void leave(String session, Tab tab) {
        tabs.computeIfPresent(session, (key, list) -> {
            list.remove(tab);
            return list.isEmpty() ? null : list;
        });
    }

    /** Pushes an event to every open tab of the session; returns how many received or hold it. */
    int push(String session, String event, Object data) {
        int reached = 0;
        for (Tab tab : tabs.getOrDefault(session, List.of())) {
            if (tab.push(event, data)) {
                reached++;
            }
        }
        return reached;
    }

    void closeAll() {
        tabs.values().forEach(list -> list.forEach(Tab::close));
        tabs.clear();
    }

    /** One connected browser tab. */
    static final class Tab {

        private record Event(String name, Object data) {
        }

        private final SseClient client;
        /** Pushes waiting for the history; null once it is written. Guarded by {@code client}. */
        private List<Event> held = new ArrayList<>();

        private Tab(SseClient client) {
            this.client = client;
        }

        /** Writes the tab's first event, then the pushes held until now; later pushes go straight out. */
        void open(String event, Object data) {
            synchronized (client) {
                client.sendEvent(event, data);
                held.forEach(pushed -> client.sendEvent(pushed.name(), pushed.data()));
                held = null;
            }
        }

        private boolean push(String event, Object data) {
            synchronized (client) {
                if (client.terminated()) {
                    return false;
                }
                if (held != null) {
                    held.add(new Event(event, data));
                } else {
                    client.sendEvent(event, data);
                }
                return true;
            }
        }

        void close() {
            synchronized (client) {
                client.close();
            }
        }
    }
}
