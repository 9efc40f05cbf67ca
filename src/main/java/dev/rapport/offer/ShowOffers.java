package dev.rapport.offer;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code show_offers}: says what the customer's tier has today, each with the customer's own code
 * (issued now if needed), in their language. With slot {@code campaign_offer} (a campaign started the
 * flow) it says that one offer, introduced. Outcome {@code none} when there is nothing to show.
 * Stateless; thread-safe.
 */
final class ShowOffers implements Action {

    static final String CAMPAIGN_SLOT = "campaign_offer";
    static final List<String> KEYS = List.of("offer.item", "offer.campaign_intro", "offer.intro");
    private final Offers offers;

    ShowOffers(Offers offers) {
        this.offers = offers;
    }

    @Override
    public String name() {
        return "show_offers";
    }

    @Override
    public String run(ActionContext context) {
        var customer = context.customer();
        String campaign = context.slot(CAMPAIGN_SLOT);
        if (campaign != null) {
            Optional<IssuedOffer> issued = offers.settings()
                    .offer(campaign)
                    .flatMap(offer -> offers.issued(context.handle(), offer, customer.id()));
            if (issued.isEmpty()) {
                return "none";
            }
            context.say("offer.campaign_intro", Map.of());
            say(context, issued.get());
            return OK;
        }
        List<IssuedOffer> shown = offers.menuFor(customer.tier()).stream()
                .map(offer -> offers.issue(context.handle(), offer, customer.id(), customer.tier(), "menu"))
                .flatMap(Optional::stream)
                .filter(issued -> issued.redeemedAt() == null)
                .toList();
        if (shown.isEmpty()) {
            return "none";
        }
        context.say("offer.intro", Map.of());
        shown.forEach(issued -> say(context, issued));
        return OK;
    }

    private void say(ActionContext context, IssuedOffer issued) {
        context.say("offer.item", offers.vars(issued, context::text));
        context.event(OfferEvent.SHOWN, Map.of("offer", issued.offer().id(), "code", issued.code()));
    }
}
