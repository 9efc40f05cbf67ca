package dev.rapport.offer;

import dev.rapport.store.EventType;

/** Events about offers. */
enum OfferEvent implements EventType {
    CODE_ISSUED("offer.code_issued"),
    SHOWN("offer.shown"),
    CAMPAIGN_SENT("offer.campaign_sent"),
    CAMPAIGN_SKIPPED("offer.campaign_skipped"),
    REDEEMED("offer.redeemed");

    private final String type;

    OfferEvent(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }
}
