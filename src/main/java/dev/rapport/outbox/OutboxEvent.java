package dev.rapport.outbox;

import dev.rapport.store.EventType;
import java.util.Set;

/** What the outbox records in {@code events}. */
public enum OutboxEvent implements EventType {

    /** A reply was given up on: the channel refused it, or it failed {@code max_attempts} times. */
    DEAD_LETTER("outbox.dead_letter", "outbox_id", "dedup_key", "attempts", "reason"),

    /** The channel says the customer cannot be reached (Telegram 403: the bot was blocked). */
    CUSTOMER_UNREACHABLE("customer.unreachable", "reason", "outbox_id", "skipped");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    OutboxEvent(String type, String... plain) {
        this.type = type;
        this.plain = Set.of(plain);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> plainKeys() {
        return plain;
    }
}
