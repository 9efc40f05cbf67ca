package dev.rapport.offer;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.engine.Action;
import dev.rapport.engine.Outreach;
import dev.rapport.feature.ApiRoute;
import dev.rapport.feature.Feature;
import dev.rapport.schedule.Job;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The offers feature as {@code App} registers it: the catalogue from {@code config/offers.yaml}, the
 * {@code show_offers} action, the job {@code offer.campaign_sends}, the redemption API and the
 * message keys to check. Immutable; thread-safe.
 */
public final class OfferFeature implements Feature {

    public static final Path SETTINGS = Path.of("config", "offers.yaml");

    private final Offers offers;
    private final Redemptions redemptions;
    private final CampaignSends sends;

    private OfferFeature(Offers offers, Jdbi jdbi, Outreach outreach, ZoneId businessZone, Clock clock) {
        this.offers = offers;
        this.redemptions = new Redemptions(jdbi, offers);
        this.sends = new CampaignSends(jdbi, offers, outreach, businessZone, clock);
    }

    /** Loads and validates the catalogue; a wrong value stops the start with file, offer, field and expected value. */
    public static OfferFeature create(
            Path settingsFile, Jdbi jdbi, Outreach outreach, ZoneId businessZone, Clock clock) {
        var offers = new Offers(OfferSettings.load(settingsFile), businessZone, clock);
        return new OfferFeature(offers, jdbi, outreach, businessZone, clock);
    }

    /** The service win-back uses to issue its incentives. */
    public Offers offers() {
        return offers;
    }

    @Override
    public String name() {
        return "offer";
    }

    @Override
    public List<Action> actions() {
        return List.of(new ShowOffers(offers));
    }

    @Override
    public List<Job> jobs() {
        return List.of(
                new Job("offer.campaign_sends", FixedDelay.of(offers.settings().runEvery()), sends));
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(redemptions.route());
    }

    @Override
    public Set<String> messageKeys() {
        var keys = new HashSet<>(ShowOffers.KEYS);
        keys.addAll(offers.settings().messageKeys());
        return keys;
    }
}
