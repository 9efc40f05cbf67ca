package dev.rapport.offer;

import dev.rapport.config.ConfigException;
import dev.rapport.config.SettingsDocument;
import dev.rapport.domain.Tier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
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
public record OfferSettings(
        Map<String, Offer> offers,
        int recentOfferDays,
        int sendsPerRun,
        Duration runEvery,
        LocalTime quietFrom,
        LocalTime quietUntil) {

    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,40}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");

    public Optional<Offer> offer(String id) {
        return Optional.ofNullable(offers.get(id));
    }

    /** The offer named {@code id}, or an error that lists the ones there are. */
    public Offer require(String id) {
        return offer(id)
                .orElseThrow(() -> new ConfigException("There is no offer '" + id + "' in the catalogue;" + " offers: "
                        + offers.keySet() + " (see config/offers.yaml)"));
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

    /** The file as written; a setting left out is null. */
    record File(Integer recentOfferDays, Campaigns campaigns, List<Entry> offers) {}

    record Campaigns(Integer sendsPerRun, Integer runEverySeconds, Quiet quietHours) {}

    record Quiet(String from, String until) {}

    record Entry(
            String id,
            List<String> tiers,
            String title,
            String text,
            String validFrom,
            String validUntil,
            BigDecimal value,
            Budget budget,
            Boolean inMenu) {}

    record Budget(Integer maxSends, BigDecimal maxValue) {}

    public static OfferSettings load(Path file) {
        var document = SettingsDocument.read(file);
        if (!document.exists()) {
            org.slf4j.LoggerFactory.getLogger(OfferSettings.class)
                    .warn("{} not found: no offers", file.toAbsolutePath());
        }
        File read = document.bind(File.class);
        var campaigns = read.campaigns() == null ? new Campaigns(null, null, null) : read.campaigns();
        var quiet = campaigns.quietHours() == null ? new Quiet(null, null) : campaigns.quietHours();
        Map<String, Offer> offers = new LinkedHashMap<>();
        List<Entry> entries = read.offers() == null ? List.of() : read.offers();
        for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index) == null) {
                throw document.wrong("an offer (id: …, tiers: …, …)", "offers", index);
            }
            Offer offer = offer(document, entries.get(index), index);
            if (offers.putIfAbsent(offer.id(), offer) != null) {
                throw document.wrong("an id no other offer has", "offers", index, "id");
            }
        }
        return new OfferSettings(
                offers,
                document.whole(read.recentOfferDays(), 14, 0, 3650, "recent_offer_days"),
                document.whole(campaigns.sendsPerRun(), 20, 1, 100_000, "campaigns", "sends_per_run"),
                Duration.ofSeconds(
                        document.whole(campaigns.runEverySeconds(), 10, 1, 86_400, "campaigns", "run_every_seconds")),
                time(document, quiet.from(), LocalTime.of(21, 0), "from"),
                time(document, quiet.until(), LocalTime.of(9, 0), "until"));
    }

    private static Offer offer(SettingsDocument document, Entry entry, int index) {
        String id = required(document, entry.id(), "an id of 1-40 of a-z, 0-9 and _", index, "id");
        if (!ID.matcher(id).matches()) {
            throw document.wrong("an id of 1-40 of a-z, 0-9 and _", "offers", index, "id");
        }
        if (entry.tiers() == null || entry.tiers().isEmpty()) {
            throw document.wrong("a non-empty list such as [key, major]", "offers", index, "tiers");
        }
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < entry.tiers().size(); i++) {
            int at = i;
            tiers.add(Tier.fromCode(String.valueOf(entry.tiers().get(i)))
                    .orElseThrow(() -> document.wrong("a tier from " + Tier.codes(), "offers", index, "tiers", at)));
        }
        String title = messageKey(document, entry.title(), index, "title");
        String text = messageKey(document, entry.text(), index, "text");
        LocalDate from = date(document, entry.validFrom(), index, "valid_from");
        LocalDate until = date(document, entry.validUntil(), index, "valid_until");
        if (until.isBefore(from)) {
            throw document.wrong("a day on or after valid_from (" + from + ")", "offers", index, "valid_until");
        }
        Budget budget = entry.budget() == null ? new Budget(null, null) : entry.budget();
        if (budget.maxSends() == null) {
            throw document.wrong(
                    "the most codes this offer may issue, such as 500", "offers", index, "budget", "max_sends");
        }
        return new Offer(
                id,
                List.copyOf(tiers),
                title,
                text,
                from,
                until,
                amount(document, entry.value(), index, "value"),
                document.whole(budget.maxSends(), 0, 0, 100_000_000, "offers", index, "budget", "max_sends"),
                amount(document, budget.maxValue(), index, "budget", "max_value"),
                entry.inMenu() == null || entry.inMenu());
    }

    private static String required(SettingsDocument document, String value, String expected, int index, String field) {
        if (value == null || value.isBlank()) {
            throw document.wrong(expected, "offers", index, field);
        }
        return value.strip();
    }

    private static String messageKey(SettingsDocument document, String value, int index, String field) {
        String expected = "a message key such as offer.spring.title (defined in en.yaml and zh.yaml)";
        String key = required(document, value, expected, index, field);
        if (!KEY.matcher(key).matches()) {
            throw document.wrong(expected, "offers", index, field);
        }
        return key;
    }

    private static LocalDate date(SettingsDocument document, String value, int index, String field) {
        try {
            return LocalDate.parse(required(document, value, "a date written YYYY-MM-DD", index, field));
        } catch (DateTimeParseException e) {
            throw document.wrong("a date written YYYY-MM-DD", "offers", index, field);
        }
    }

    private static BigDecimal amount(SettingsDocument document, BigDecimal value, int index, String... field) {
        Object[] path = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("offers", index), java.util.Arrays.stream(field))
                .toArray();
        if (value == null || value.signum() < 0) {
            throw document.wrong("an amount of 0 or more, such as 20 or 9.90", path);
        }
        return value;
    }

    private static LocalTime time(SettingsDocument document, String value, LocalTime fallback, String field) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(value.strip().length() == 4 ? "0" + value.strip() : value.strip());
        } catch (DateTimeParseException e) {
            throw document.wrong("a time of day written HH:MM, such as \"21:00\"", "campaigns", "quiet_hours", field);
        }
    }
}
