package dev.rapport.offer;

import dev.rapport.config.ConfigException;
import dev.rapport.config.SettingsFile;
import dev.rapport.domain.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code config/offers.yaml}: the offer catalogue and how campaigns send. Immutable; every value
 * has passed validation.
 *
 * @param recentOfferDays a customer offered anything (any offer's code issued) within this many days
 *                        is not sent another offer proactively
 * @param sendsPerRun     campaign rows handled per run of {@code offer.campaign_sends}
 * @param runEvery        how often that job runs; with {@code sendsPerRun} it sets the send rate
 * @param quietFrom       start of quiet hours in the customer's time zone (sends wait until quietUntil)
 * @param quietUntil      end of quiet hours; equal to quietFrom means no quiet hours
 */
public record OfferSettings(Map<String, Offer> offers, int recentOfferDays, int sendsPerRun, Duration runEvery,
                            LocalTime quietFrom, LocalTime quietUntil) {

    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,40}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");

    public Optional<Offer> offer(String id) {
        return Optional.ofNullable(offers.get(id));
    }

    /** The offer named {@code id}, or an error that lists the ones there are. */
    public Offer require(String id) {
        return offer(id).orElseThrow(() -> new ConfigException("There is no offer '" + id + "' in the catalogue;"
                + " offers: " + offers.keySet() + " (see config/offers.yaml)"));
    }

    /** Every message key the catalogue uses, so start-up checks each is in every language. */
    public Set<String> messageKeys() {
        var keys = new HashSet<String>();
        offers.values().forEach(offer -> {
            keys.add(offer.title());
            keys.add(offer.text());
        });
        return keys;
    }

    public QuietHours quietHours() {
        return new QuietHours(quietFrom, quietUntil);
    }

    public static OfferSettings load(Path file) {
        var settings = SettingsFile.read(file);
        var root = settings.root();
        root.only(Set.of("recent_offer_days", "campaigns", "offers"));
        var campaigns = root.section("campaigns");
        campaigns.only(Set.of("sends_per_run", "run_every_seconds", "quiet_hours"));
        var quiet = campaigns.section("quiet_hours");
        quiet.only(Set.of("from", "until"));
        Map<String, Offer> offers = new LinkedHashMap<>();
        for (var section : root.list("offers", (i, node) -> node.hasNonNull("id")
                ? "offer '" + node.get("id").asText() + "'" : "offers[" + i + "]")) {
            Offer offer = offer(section);
            if (offers.putIfAbsent(offer.id(), offer) != null) {
                throw section.problem("id", offer.id(), "an id no other offer has");
            }
        }
        return new OfferSettings(offers, root.integer("recent_offer_days", 14, 0, 3650),
                campaigns.integer("sends_per_run", 20, 1, 100_000),
                Duration.ofSeconds(campaigns.integer("run_every_seconds", 10, 1, 86_400)),
                quiet.time("from", LocalTime.of(21, 0)), quiet.time("until", LocalTime.of(9, 0)));
    }

    private static Offer offer(SettingsFile.Section section) {
        section.only(Set.of("id", "tiers", "title", "text", "valid_from", "valid_until", "value", "budget",
                "in_menu"));
        String id = section.text("id", null);
        if (!ID.matcher(id).matches()) {
            throw section.problem("id", id, "1-40 of a-z, 0-9 and _");
        }
        List<Tier> tiers = new ArrayList<>();
        for (String tier : section.texts("tiers")) {
            tiers.add(Tier.fromCode(tier).orElseThrow(() -> section.problem("tiers", tier,
                    "tiers from " + Tier.codes())));
        }
        String title = messageKey(section, "title");
        String text = messageKey(section, "text");
        LocalDate from = section.date("valid_from");
        LocalDate until = section.date("valid_until");
        if (until.isBefore(from)) {
            throw section.problem("valid_until", until, "a day on or after valid_from (" + from + ")");
        }
        var budget = section.section("budget");
        budget.only(Set.of("max_sends", "max_value"));
        if (!budget.has("max_sends")) {
            throw budget.problem("max_sends", null, "the most codes this offer may issue, such as 500");
        }
        return new Offer(id, List.copyOf(tiers), title, text, from, until, section.amount("value"),
                budget.integer("max_sends", 0, 0, 100_000_000), budget.amount("max_value"),
                section.bool("in_menu", true));
    }

    private static String messageKey(SettingsFile.Section section, String field) {
        String key = section.text(field, null);
        if (!KEY.matcher(key).matches()) {
            throw section.problem(field, key, "a message key such as offer.spring.title (defined in en.yaml and zh.yaml)");
        }
        return key;
    }
}
