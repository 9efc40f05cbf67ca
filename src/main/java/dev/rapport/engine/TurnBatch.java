package dev.rapport.engine;

import dev.rapport.channel.Content;
import dev.rapport.channel.InboundMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The turns of one inbox batch, run one after another in one transaction, with what each turn
 * leaves behind ({@link TurnEnd}) held back and written for all of them in one statement by
 * {@link #finish} — one round trip per batch instead of one per turn.
 *
 * <p>Every turn still reads what the turns before it wrote: the held writes go out first when the
 * next turn is of a chat or a customer they concern, or shares a contact (which may merge
 * customers). What a turn writes itself while it runs (actions, handoffs, the inbound message) is
 * not held. The caller calls {@link #finish} before committing; a turn that failed held nothing.
 * Not thread-safe: one per batch, on the batch's thread.
 */
public final class TurnBatch {

    private final Engine engine;
    private final Handle handle;
    private final List<Turn> held = new ArrayList<>();
    private final Set<String> chats = new HashSet<>();
    private final Set<Long> customers = new HashSet<>();
    /** Conversations read ahead for the batch's chats; each serves its chat's first turn only. */
    private final java.util.Map<String, Conversation> ahead = new java.util.HashMap<>();

    TurnBatch(Engine engine, Handle handle) {
        this.engine = engine;
        this.handle = handle;
    }

    /**
     * Reads the conversations of the chats the batch will run, in one query, for their first turns.
     * A conversation is written only by its chat's turns, which the batch runs one after another,
     * so what is read here is what each first turn would read itself.
     */
    public void ahead(List<String> channels, List<String> chatKeys) {
        ahead.putAll(ConversationStore.loadAll(handle, channels, chatKeys));
    }

    /** The chat's conversation: read ahead for its first turn in the batch, else read now. */
    Conversation conversation(String channel, String chatKey) {
        Conversation read = ahead.remove(ConversationStore.key(channel, chatKey));
        return read != null ? read : ConversationStore.load(handle, channel, chatKey);
    }

    /** Runs one turn in the batch's transaction; its end-of-turn writes are held until {@link #finish}. */
    public void handle(InboundMessage message, long inboxId) {
        if (chats.contains(chat(message)) || message.content() instanceof Content.SharedContact) {
            finish();
        }
        engine.run(handle, message, inboxId, this);
    }

    /** The turn's customer is known: writes what is held first if it concerns them. */
    void resolved(long customerId) {
        if (customers.contains(customerId)) {
            finish();
        }
    }

    void hold(Turn turn) {
        held.add(turn);
        chats.add(chat(turn.message));
        customers.add(turn.customer().id());
    }

    /** Writes what the turns so far left behind; the batch may go on afterwards. */
    public void finish() {
        if (held.isEmpty()) {
            return;
        }
        var turns = List.copyOf(held);
        held.clear();
        chats.clear();
        customers.clear();
        TurnEnd.write(handle, turns);
    }

    private static String chat(InboundMessage message) {
        return ConversationStore.key(message.channel().code(), message.chatKey());
    }
}
