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
 * customers). The customer's message is held too, unless something outside the engine gets the
 * turn's transaction first ({@link Turn#inboundMessageId}); what a turn writes itself while it runs
 * (actions, handoffs) is not held. The caller calls {@link #finish} before committing; a turn that failed held nothing.
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
    /** Customer records read ahead for the batch's chats; each serves its chat's first turn only. */
    private CustomerDirectory.ReadAhead customersAhead = CustomerDirectory.ReadAhead.NONE;
    /** Open handoffs read ahead, by chat, for chats whose first turn has not run yet. */
    private final java.util.Map<String, java.util.Optional<Long>> handoffsAhead = new java.util.HashMap<>();
    /** Every customer a turn of this batch resolved or switched to: what was read ahead of them may be stale. */
    private final Set<Long> concerned = new HashSet<>();

    TurnBatch(Engine engine, Handle handle) {
        this.engine = engine;
        this.handle = handle;
    }

    /**
     * Reads what the first turns of the batch's chats need — conversations, customers, open
     * handoffs — in one query each, instead of three queries per turn.
     *
     * <p>A conversation is written only by its chat's turns, which the batch runs one after another,
     * so what is read here is what each first turn would read itself. A customer record or a handoff
     * may also be written by a turn of another chat of the same customer (a language set, a chat
     * linked, a handoff opened in the customer's latest chat): a chat whose customer an earlier turn
     * of the batch concerned reads them again. What other transactions commit meanwhile is seen as if
     * the turn had run a moment earlier, as it could have.
     */
    public void ahead(List<String> channels, List<String> chatKeys) {
        ahead.putAll(ConversationStore.loadAll(handle, channels, chatKeys));
        customersAhead = engine.customers().readAhead(handle, channels, chatKeys);
        List<java.util.Optional<Long>> open = engine.handoffs().openForAll(handle, channels, chatKeys);
        for (int i = 0; i < channels.size(); i++) {
            handoffsAhead.put(ConversationStore.key(channels.get(i), chatKeys.get(i)), open.get(i));
        }
    }

    /**
     * The message's customer: from what was read ahead when that is still current, else resolved now.
     * When it is not current, the chat's conversation and handoff are read again too (an erasure, say,
     * clears every chat of its customer).
     */
    CustomerView customer(InboundMessage message) {
        String channel = message.channel().code();
        String chatKey = message.chatKey();
        Long readFor = customersAhead.customerId(channel, chatKey);
        boolean current = handoffsAhead.containsKey(chat(message)) && (readFor == null || !concerned.contains(readFor));
        CustomerView customer = current && customersAhead.covers(channel, chatKey)
                ? customersAhead.resolve(handle, message)
                : engine.customers().resolve(handle, message);
        if (!current) {
            handoffsAhead.remove(chat(message));
            ahead.remove(chat(message));
        }
        resolved(customer.id());
        return customer;
    }

    /**
     * Something other than this batch's turns wrote in its transaction (a staff member's update from
     * the staff group, which may close a handoff or write to a customer): nothing read ahead is used
     * any more; each chat's first turn reads for itself.
     */
    public void forgetReadAhead() {
        ahead.clear();
        handoffsAhead.clear();
        customersAhead = CustomerDirectory.ReadAhead.NONE;
    }

    /** The chat's open handoff: read ahead for its first turn in the batch (if still current), else read now. */
    java.util.Optional<Long> openHandoff(String channel, String chatKey) {
        java.util.Optional<Long> read = handoffsAhead.remove(ConversationStore.key(channel, chatKey));
        return read != null ? read : engine.handoffs().openFor(handle, channel, chatKey);
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
    private void resolved(long customerId) {
        concerned.add(customerId);
        if (customers.contains(customerId)) {
            finish();
        }
    }

    void hold(Turn turn) {
        held.add(turn);
        chats.add(chat(turn.message));
        customers.add(turn.customer().id());
        concerned.add(turn.customer().id());
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
