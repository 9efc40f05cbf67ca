package dev.rapport.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a chat stands in its dialogue: the active flow and the step waiting for an answer (both
 * null outside a flow), the collected slots, and how many messages in a row were not understood.
 * Mutable; owned by one turn at a time (the chat's lock guarantees that).
 */
final class Conversation {

    final String channel;
    final String chatKey;
    String flow;
    String step;
    final Map<String, String> slots;
    int unknownStreak;
    /** Why the conversation needs a person (a strongly negative message, say); null when it does not. */
    String escalationReason;
    /** When the conversation last moved before this turn; null for a new one. */
    java.time.Instant lastActive;
    /** This turn only put an outreach in line: the dialogue did not move, so its time of last activity stays. */
    boolean unmoved;
    /** Outreach that arrived during another dialogue, oldest first; each starts when the dialogue before it ends. */
    final java.util.List<dev.rapport.channel.Content.Outreach> waitingOutreach = new java.util.ArrayList<>();
    /**
     * The dialogue this chat left for another, as this turn knows it: read with the conversation and
     * kept current by every write of {@link PausedDialogues}, so a turn reads it once; null when none.
     */
    PausedDialogues.Paused paused;

    Conversation(
            String channel, String chatKey, String flow, String step, Map<String, String> slots, int unknownStreak) {
        this.channel = channel;
        this.chatKey = chatKey;
        this.flow = flow;
        this.step = step;
        this.slots = new HashMap<>(slots);
        this.unknownStreak = unknownStreak;
    }

    boolean waiting() {
        return flow != null && step != null;
    }

    void enter(String newFlow) {
        flow = newFlow;
        step = null;
        slots.clear();
    }

    void leave() {
        flow = null;
        step = null;
    }
}
