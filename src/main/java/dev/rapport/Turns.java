package dev.rapport;

import dev.rapport.channel.InboundMessage;
import dev.rapport.domain.Channel;
import dev.rapport.engine.Engine;
import dev.rapport.engine.TurnBatch;
import dev.rapport.inbox.TurnHandler;
import dev.rapport.staffgroup.StaffGroup;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Where the inbox workers hand each update: a customer's message to the engine, the staff group's
 * updates (staff at work, never a customer) to the staff group. Thread-safe: every batch is its own.
 */
final class Turns implements TurnHandler {

    private final Engine engine;
    private final StaffGroup group; // null without a staff group

    Turns(Engine engine, StaffGroup group) {
        this.engine = engine;
        this.group = group;
    }

    @Override
    public void handle(Handle handle, InboundMessage message, long inboxId) {
        Batch batch = batch(handle);
        batch.handle(message, inboxId);
        batch.finish();
    }

    /** The engine's turns write together at the end of the batch ({@link TurnBatch}). */
    @Override
    public Batch batch(Handle handle) {
        TurnBatch customerTurns = engine.batch(handle);
        return new Batch() {
            @Override
            public void handle(InboundMessage message, long inboxId) {
                // The staff group's updates are staff at work, never a customer: they skip the engine,
                // after the customer turns before them are written (staff answers follow them in order).
                if (group != null && message.channel() == Channel.TELEGRAM_STAFF) {
                    customerTurns.finish();
                    group.handle(handle, message, inboxId);
                    customerTurns.forgetReadAhead(); // staff may have closed a handoff, written to a chat
                } else {
                    customerTurns.handle(message, inboxId);
                    if (group != null) {
                        group.afterCustomerTurn(handle, message, inboxId);
                    }
                }
            }

            @Override
            public void ahead(List<String> channels, List<String> chatKeys) {
                customerTurns.ahead(channels, chatKeys);
            }

            @Override
            public void finish() {
                customerTurns.finish();
            }
        };
    }
}
