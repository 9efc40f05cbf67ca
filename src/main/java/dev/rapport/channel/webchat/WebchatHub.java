package dev.rapport.channel.webchat;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The browsers connected to this process, by web chat session. A session may have several tabs
 * open; each gets every push. Thread-safe.
 */
final class WebchatHub {

    private final Map<String, List<SseClient>> clients = new ConcurrentHashMap<>();

    void join(String session, SseClient client) {
        clients.computeIfAbsent(session, key -> new CopyOnWriteArrayList<>()).add(client);
        client.onClose(() -> leave(session, client));
    }

    private void leave(String session, SseClient client) {
        clients.computeIfPresent(session, (key, list) -> {
            list.remove(client);
            return list.isEmpty() ? null : list;
        });
    }

    /** Pushes an event to every open tab of the session; returns how many received it. */
    int push(String session, String event, Object data) {
        int reached = 0;
        for (SseClient client : clients.getOrDefault(session, List.of())) {
            if (!client.terminated()) {
                client.sendEvent(event, data);
                reached++;
            }
        }
        return reached;
    }

    void closeAll() {
        clients.values().forEach(list -> list.forEach(SseClient::close));
        clients.clear();
    }
}
