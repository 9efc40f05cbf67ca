package dev.rapport.engine;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Starts a dialogue from Rapport's side — a follow-up survey, a win-back opener, an offer — in a
 * customer's chat. The port features use; the inbox implements it by queueing the start in the
 * chat's own queue, so it runs as an ordinary turn: under the chat's lock, after what the customer
 * already sent, with its replies in the same transaction and sent through the outbox.
 *
 * <p>Contract: idempotent on {@code key} — queueing the same key again does nothing and returns
 * false, so a job or campaign that runs twice starts each dialogue once. Runs in the caller's
 * transaction: the start is queued exactly when the caller's own records commit. Consent (opt-out,
 * quiet hours, frequency caps) is the caller's to check; an unreachable chat is never chosen.
 * Implementations are thread-safe.
 */
public interface Outreach {

    /**
     * Queues flow {@code flow} to start, with {@code slots} filled, in the customer's most recently
     * active reachable chat. Returns false when the key was queued before or the customer has no
     * reachable chat.
     */
    default boolean start(Handle handle, String key, long customerId, String flow, Map<String, String> slots) {
        return start(handle, key, customerId, flow, slots, false);
    }

    /**
     * As {@link #start(Handle, String, long, String, Map)}; {@code byStaff} marks outreach a staff
     * member's own action started (a complaint's resolution note). While a person has the chat, only
     * such outreach runs at once — that person knows of it; every other kind (campaigns, surveys,
     * win-back) waits until the chat is handed back. It should say, not ask: the customer's answers
     * go to the person while they have the chat.
     */
    boolean start(Handle handle, String key, long customerId, String flow, Map<String, String> slots, boolean byStaff);
}
