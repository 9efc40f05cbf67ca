package dev.rapport.customer;

import dev.rapport.store.EventType;

/** Events about customers. */
enum CustomerEvent implements EventType {
    FIRST_CONTACT("customer.first_contact"),
    OPTED_OUT("customer.opted_out"),
    OPTED_IN("customer.opted_in"),
    LANGUAGE_CHOSEN("customer.language_chosen");

    private final String type;

    CustomerEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
