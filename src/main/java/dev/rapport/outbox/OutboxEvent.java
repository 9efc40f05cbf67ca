package dev.rapport.outbox;

import dev.rapport.store.EventType;

/** What the outbox records in {@code events}. */
public enum OutboxEvent implements EventType {

    /** A reply was given up on: the channel refused it, or it failed {@code max_attempts} times. */
    DEAD_LETTER("outbox.dead_letter"),

    /** The channel says the customer cannot be reached (Telegram 403: the bot was blocked). */
    CUSTOMER_UNREACHABLE("customer.unreachable");

    private final String type;

    OutboxEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
