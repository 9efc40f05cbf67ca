package dev.rapport.customer;

import dev.rapport.store.EventType;
import java.util.Set;

/** Events about customers. */
enum CustomerEvent implements EventType {
    FIRST_CONTACT("customer.first_contact", "language"),
    OPTED_OUT("customer.opted_out", "via"),
    OPTED_IN("customer.opted_in", "via"),
    LANGUAGE_CHOSEN("customer.language_chosen", "language"),
    /** A chat was linked to a customer; data: via (deep_link, phone), merged_from (the chat's own record). */
    LINKED("customer.linked", "via", "merged_from", "moved_from"),
    /** A deep link that did not work; data: reason (unknown, used, expired). */
    LINK_FAILED("customer.link_failed", "reason");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    CustomerEvent(String type, String... plain) {
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
