package dev.rapport.winback;

import dev.rapport.config.SettingsFile;
import dev.rapport.domain.Tier;
import dev.rapport.offer.Offer;
import dev.rapport.offer.OfferSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code config/winback.yaml}: when a customer counts as lapsed, what each tier's move is, and the
 * windows that decide the outcome. Immutable; every value has passed validation, including that each
 * tier's offer is in the offer catalogue and meant for that tier.
 *
 * @param tiers              the move for every tier
 * @param approachAgainDays  a customer is not approached proactively again within this many days
 * @param answerWindowDays   a case without an answer after this many days is recorded as no answer
 * @param wonBackWindowDays  a purchase within this many days after the dialogue started wins the customer back
 * @param scanEvery          how often {@code winback.scan} and {@code winback.outcomes} run
 */
public record WinbackSettings(Map<Tier, TierMove> tiers, int approachAgainDays, int answerWindowDays,
                              int wonBackWindowDays, Duration scanEvery) {

    /**
     * @param lapsedAfterDays no purchase for this many days makes a customer of the tier lapsed
     * @param offer           the incentive's offer id, or null for none (small customers)
     * @param escalate        a person from staff takes the conversation over
     */
    public record TierMove(int lapsedAfterDays, String offer, boolean escalate) {
    }

    public TierMove move(Tier tier) {
        return tiers.get(tier);
    }

    public static WinbackSettings load(Path file, OfferSettings offers) {
        var root = SettingsFile.read(file).root();
        root.only(Set.of("approach_again_after_days", "answer_window_days", "won_back_window_days",
                "scan_every_minutes", "tiers"));
        var tiersSection = root.section("tiers");
        tiersSection.only(Set.copyOf(Tier.codes()));
        Map<Tier, TierMove> tiers = new LinkedHashMap<>();
        int[] lapsedDefaults = {60, 90, 120, 180};
        for (Tier tier : Tier.values()) {
            var section = tiersSection.section(tier.code());
            section.only(Set.of("lapsed_after_days", "offer", "escalate"));
            String offer = section.has("offer") ? section.text("offer", null) : null;
            if (offer != null) {
                Offer found = offers.offer(offer).orElseThrow(() -> section.problem("offer", offer,
                        "an offer id from config/offers.yaml: " + offers.offers().keySet()));
                if (!found.forTier(tier)) {
                    throw section.problem("offer", offer, "an offer whose tiers include " + tier + " (it has "
                            + found.tiers() + ")");
                }
            }
            tiers.put(tier, new TierMove(section.integer("lapsed_after_days", lapsedDefaults[tier.ordinal()], 1, 3650), offer,
                    section.bool("escalate", tier == Tier.KEY)));
        }
        return new WinbackSettings(tiers, root.integer("approach_again_after_days", 90, 0, 3650),
                root.integer("answer_window_days", 3, 1, 365), root.integer("won_back_window_days", 30, 1, 3650),
                Duration.ofMinutes(root.integer("scan_every_minutes", 60, 1, 10_080)));
    }
}
