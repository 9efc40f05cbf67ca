package dev.rapport.inbox;

import dev.rapport.channel.InboundMessage;
import org.jdbi.v3.core.Handle;

/**
 * Runs one turn inside the inbox's transaction. Everything it writes commits together with the
 * update being marked processed, or not at all. Called for one chat by one thread at a time.
 */
@FunctionalInterface
public interface TurnHandler {

    /** @param inboxId the {@code inbound_updates.id} of the update */
    void handle(Handle handle, InboundMessage message, long inboxId);
}
