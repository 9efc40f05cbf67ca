package dev.rapport.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The engine's view of handing a chat to a person, implemented by the handoff feature. While a chat
 * has an open handoff the engine runs no flow, no intent routing and no outreach there: it logs the
 * customer's messages and hands each to {@link #customerWrote}; only {@code /stop} still runs.
 *
 * <p>Every call runs in the turn's transaction (the chat's lock is held). Implementations are
 * stateless and thread-safe.
 */
public interface HandoffPort {

    /** The open (waiting or claimed) handoff of this chat, or empty. */
    Optional<Long> openFor(Handle handle, String channel, String chatKey);

    /**
     * The open handoffs of several chats (channel and chat key at the same index), in the order given;
     * empty for a chat without one. An inbox batch reads its chats' handoffs this way, in one query;
     * by default one query per chat.
     */
    default List<Optional<Long>> openForAll(Handle handle, List<String> channels, List<String> chatKeys) {
        var open = new ArrayList<Optional<Long>>();
        for (int i = 0; i < channels.size(); i++) {
            open.add(openFor(handle, channels.get(i), chatKeys.get(i)));
        }
        return open;
    }

    /** The customer wrote {@code messageId} (already in {@code messages}) while handoff {@code handoffId} is open. */
    void customerWrote(Handle handle, long handoffId, long customerId, long messageId);

    /**
     * Opens a handoff for the chat, or adds the reason to the one already open. Empty when the
     * settings say this reason does not hand the chat over (it is then only recorded).
     */
    Optional<Escalated> escalate(Handle handle, Escalation escalation);

    /**
     * Outside a turn (a scheduled job, such as the complaint SLA check): opens or joins a handoff in
     * the customer's most recently active reachable chat, in the caller's transaction, and tells the
     * customer there through the outbox when it opened. False when the settings say this reason does
     * not hand over (for this customer's tier) or the customer has no reachable chat.
     */
    default boolean escalateCustomer(Handle handle, long customerId, String reason, String detail) {
        return false;
    }

    /**
     * Adds an internal note from Rapport (no staff member wrote it) to the customer's open handoff, in
     * whichever of their chats it is, in the caller's transaction, and tells the console. Never sent to
     * the customer. {@code data} (a kind and ids) goes with the note's event so a page can word it in
     * its reader's language; {@code text} is the note as stored, for readers without that wording.
     *
     * @return the handoff noted, or empty when the customer has no open handoff
     */
    default Optional<Long> noteForCustomer(Handle handle, long customerId, String text, Map<String, ?> data) {
        return Optional.empty();
    }

    /**
     * Something a person should look at.
     *
     * @param reason a reason code from the handoff settings: {@code asked_for_person}, {@code strongly_negative},
     *               {@code not_understood}, {@code step_limit}, {@code complaint}, {@code winback},
     *               {@code low_followup_csat}, {@code cancel}, {@code low_handoff_csat}, ...
     * @param detail what exactly happened, for the person (may be null)
     */
    record Escalation(String channel, String chatKey, CustomerView customer, String reason, String detail) {}

    /**
     * @param handoffId  the open handoff
     * @param opened     true when this call opened it, false when it added a reason to an open one
     * @param noticeKey  what to tell the customer (a person is coming, their place, when), or null for nothing
     * @param noticeVars the notice's placeholders
     */
    record Escalated(long handoffId, boolean opened, String noticeKey, Map<String, ?> noticeVars) {}

    /** No handoffs: escalations are only recorded on the conversation and as events. */
    HandoffPort NONE = new HandoffPort() {
        @Override
        public Optional<Long> openFor(Handle handle, String channel, String chatKey) {
            return Optional.empty();
        }

        @Override
        public List<Optional<Long>> openForAll(Handle handle, List<String> channels, List<String> chatKeys) {
            return channels.stream().map(channel -> Optional.<Long>empty()).toList();
        }

        @Override
        public void customerWrote(Handle handle, long handoffId, long customerId, long messageId) {}

        @Override
        public Optional<Escalated> escalate(Handle handle, Escalation escalation) {
            return Optional.empty();
        }
    };
}
