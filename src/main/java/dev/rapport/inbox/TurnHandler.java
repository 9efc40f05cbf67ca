package dev.rapport.inbox;

import dev.rapport.channel.InboundMessage;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Runs one turn inside the inbox's transaction. Everything it writes commits together with the
 * update being marked processed, or not at all. Called for one chat by one thread at a time.
 */
@FunctionalInterface
public interface TurnHandler {

    /** @param inboxId the {@code inbound_updates.id} of the update */
    void handle(Handle handle, InboundMessage message, long inboxId);

    /**
     * The turns of one claimed batch, in one transaction. A handler may hold back part of what its
     * turns write and write it for many turns at once in {@link Batch#finish}, provided every turn
     * still sees what the turns before it wrote. By default each turn writes everything at once.
     */
    default Batch batch(Handle handle) {
        return (message, inboxId) -> handle(handle, message, inboxId);
    }

    /** One batch's turns; used by one thread. */
    @FunctionalInterface
    interface Batch {

        void handle(InboundMessage message, long inboxId);

        /**
         * The chats whose turns follow (channel and chat key at the same index), so a handler may read
         * what their first turns need in one query. A hint: turns of other chats may follow too.
         */
        default void ahead(List<String> channels, List<String> chatKeys) {}

        /** Writes whatever the turns so far held back; called before the batch commits. */
        default void finish() {}
    }
}
