package dev.rapport.customer;

import dev.rapport.store.EventType;

/** Events about customers. */
enum CustomerEvent implements EventType {
    FIRST_CONTACT("customer.first_contact"),
    OPTED_OUT("customer.opted_out"),
    OPTED_IN("customer.opted_in"),
    LANGUAGE_CHOSEN("customer.language_chosen"),
    /** A chat was linked to a customer; data: via (deep_link, phone), merged_from (the chat's own record). */
    LINKED("customer.linked"),
    /** A deep link that did not work; data: reason (unknown, used, expired). */
    LINK_FAILED("customer.link_failed");

    private final String type;

    CustomerEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
