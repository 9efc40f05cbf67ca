package dev.rapport;

import dev.rapport.complaint.ComplaintFeature;
import dev.rapport.config.RapportConfig;
import dev.rapport.customer.Customers;
import dev.rapport.customer.registration.CustomerFeature;
import dev.rapport.engine.HandoffPort;
import dev.rapport.engine.Outreach;
import dev.rapport.feature.Feature;
import dev.rapport.handoff.HandoffFeature;
import dev.rapport.offer.OfferFeature;
import dev.rapport.staffgroup.StaffGroup;
import dev.rapport.survey.SurveyFeature;
import dev.rapport.winback.WinbackFeature;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** The product's features, as {@link App} and the tests that load the shipped flows build them. */
public final class Features {

    private Features() {}

    /** The features with no handoff port for complaint escalations (tests that only load flows). */
    public static List<Feature> of(
            RapportConfig config, Jdbi jdbi, Customers customers, Outreach outreach, Clock clock) {
        return of(config, jdbi, customers, outreach, clock, () -> HandoffPort.NONE);
    }

    /**
     * The product's features, built from their settings files next to {@code rapport.yaml} (a missing
     * file means the feature's defaults; a wrong value stops the start naming file, field and value).
     * {@code App} hands each part to its owner; tests load the shipped flows against exactly these.
     * The console and the dashboard are not listed: they need the running handoff desk (see {@link App}).
     *
     * @param handoffs read when a complaint job runs (after start), so it may be set after the flows load
     */
    public static List<Feature> of(
            RapportConfig config,
            Jdbi jdbi,
            Customers customers,
            Outreach outreach,
            Clock clock,
            Supplier<HandoffPort> handoffs) {
        ZoneId zone = config.timeZone();
        var offers = OfferFeature.create(config.featureFile("offers.yaml"), jdbi, outreach, zone, clock);
        List<Feature> features = new ArrayList<>(List.of(
                CustomerFeature.create(config.featureFile("tiers.yaml"), customers, jdbi, zone, clock),
                SurveyFeature.load(
                        config.conversationsDir(), config.featureFile("surveys.yaml"), jdbi, clock, handoffs),
                ComplaintFeature.create(config.featureFile("complaints.yaml"), jdbi, outreach, zone, handoffs),
                offers,
                WinbackFeature.create(config.featureFile("winback.yaml"), jdbi, offers.offers(), outreach, zone, clock),
                HandoffFeature.load(config.featureFile("handoff.yaml"), zone)));
        if (withStaffGroup(config)) {
            // The staff group is wired in App (it wraps the handoff port); here only its texts.
            features.add(new Feature() {
                @Override
                public String name() {
                    return "staffgroup";
                }

                @Override
                public java.util.Set<String> messageKeys() {
                    return StaffGroup.MESSAGE_KEYS;
                }
            });
        }
        return List.copyOf(features);
    }

    /** True when staff answer customers from a Telegram group: it needs the bot. */
    static boolean withStaffGroup(RapportConfig config) {
        return config.telegram().enabled() && config.telegram().staffGroup().enabled();
    }
}
