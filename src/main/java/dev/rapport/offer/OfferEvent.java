package dev.rapport.offer;

import dev.rapport.store.EventType;
import java.util.Set;

/** Events about offers. */
enum OfferEvent implements EventType {
    CODE_ISSUED("offer.code_issued", "offer", "tier", "via"),
    SHOWN("offer.shown", "offer", "code"),
    CAMPAIGN_SENT("offer.campaign_sent", "offer", "queued"),
    CAMPAIGN_SKIPPED("offer.campaign_skipped", "offer", "reason"),
    REDEEMED("offer.redeemed", "offer", "code", "via");

    private final String type;
    private final Set<String> plain;

    /** @param plain the data keys that never hold what a person wrote or who they are; any other key is personal */
    OfferEvent(String type, String... plain) {
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
