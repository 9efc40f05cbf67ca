package dev.rapport.winback;

import dev.rapport.config.SettingsDocument;
import dev.rapport.domain.Tier;
import dev.rapport.offer.Offer;
import dev.rapport.offer.OfferSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
public record WinbackSettings(
        Map<Tier, TierMove> tiers,
        int approachAgainDays,
        int answerWindowDays,
        int wonBackWindowDays,
        Duration scanEvery) {

    /**
     * @param lapsedAfterDays no purchase for this many days makes a customer of the tier lapsed
     * @param offer           the incentive's offer id, or null for none (small customers)
     * @param escalate        a person from staff takes the conversation over
     */
    public record TierMove(int lapsedAfterDays, String offer, boolean escalate) {}

    public TierMove move(Tier tier) {
        return tiers.get(tier);
    }

    /** The file as written; a setting left out is null. */
    record File(
            Integer approachAgainAfterDays,
            Integer answerWindowDays,
            Integer wonBackWindowDays,
            Integer scanEveryMinutes,
            Tiers tiers) {}

    record Tiers(Move key, Move major, Move ordinary, Move small) {
        Move of(Tier tier) {
            Move move = switch (tier) {
                case KEY -> key;
                case MAJOR -> major;
                case ORDINARY -> ordinary;
                case SMALL -> small;
            };
            return move == null ? new Move(null, null, null) : move;
        }
    }

    record Move(Integer lapsedAfterDays, String offer, Boolean escalate) {}

    public static WinbackSettings load(Path file, OfferSettings offers) {
        var document = SettingsDocument.read(file);
        if (!document.exists()) {
            org.slf4j.LoggerFactory.getLogger(WinbackSettings.class)
                    .warn("{} not found: its defaults apply", file.toAbsolutePath());
        }
        File read = document.bind(File.class);
        var tiersRead = read.tiers() == null ? new Tiers(null, null, null, null) : read.tiers();
        Map<Tier, TierMove> tiers = new LinkedHashMap<>();
        int[] lapsedDefaults = {60, 90, 120, 180};
        for (Tier tier : Tier.values()) {
            Move move = tiersRead.of(tier);
            String offer = move.offer() == null || move.offer().isBlank()
                    ? null
                    : move.offer().strip();
            if (offer != null) {
                Offer found = offers.offer(offer)
                        .orElseThrow(() -> document.wrong(
                                "an offer id from config/offers.yaml: "
                                        + offers.offers().keySet(),
                                "tiers",
                                tier.code(),
                                "offer"));
                if (!found.forTier(tier)) {
                    throw document.wrong(
                            "an offer whose tiers include " + tier + " (it has " + found.tiers() + ")",
                            "tiers",
                            tier.code(),
                            "offer");
                }
            }
            tiers.put(
                    tier,
                    new TierMove(
                            document.whole(
                                    move.lapsedAfterDays(),
                                    lapsedDefaults[tier.ordinal()],
                                    1,
                                    3650,
                                    "tiers",
                                    tier.code(),
                                    "lapsed_after_days"),
                            offer,
                            move.escalate() == null ? tier == Tier.KEY : move.escalate()));
        }
        return new WinbackSettings(
                tiers,
                document.whole(read.approachAgainAfterDays(), 90, 0, 3650, "approach_again_after_days"),
                document.whole(read.answerWindowDays(), 3, 1, 365, "answer_window_days"),
                document.whole(read.wonBackWindowDays(), 30, 1, 3650, "won_back_window_days"),
                Duration.ofMinutes(document.whole(read.scanEveryMinutes(), 60, 1, 10_080, "scan_every_minutes")));
    }
}
