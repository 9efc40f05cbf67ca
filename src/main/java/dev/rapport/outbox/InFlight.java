package dev.rapport.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batches this process has claimed and not yet finished: their rows, and the chats they send
 * to. Owned by the loop thread; not thread-safe.
 */
final class InFlight {

    private final Set<Batch> batches = new HashSet<>();
    private final Set<String> chats = new HashSet<>();
    private int rows;

    void add(Batch batch) {
        batches.add(batch);
        chats.addAll(batch.chats);
        rows += batch.rows.size();
    }

    void remove(Batch batch) {
        if (batches.remove(batch)) {
            chats.removeAll(batch.chats);
            rows -= batch.rows.size();
        }
    }

    /** A chat with a send in flight here; only seen again when its lease ran out mid-send. */
    boolean sendsTo(String chat) {
        return chats.contains(chat);
    }

    int rows() {
        return rows;
    }

    boolean isEmpty() {
        return batches.isEmpty();
    }

    List<Batch> batches() {
        return List.copyOf(batches);
    }
}
