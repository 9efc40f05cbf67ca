package dev.rapport.customer;

import dev.rapport.config.ConfigException;
import dev.rapport.config.SettingsDocument;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The settings of {@code config/tiers.yaml}, validated. A missing file or setting takes its
 * default; a wrong one throws {@link ConfigException} naming file, setting, value and what is
 * expected. Immutable.
 *
 * @param windowMonths       purchases of the last N months make a customer's value
 * @param useMargin          value counts margin (a purchase without one counts its amount)
 * @param keyShare           share of ranked customers that are key (0.01: the top 1%)
 * @param majorShare         the next share, major
 * @param ordinaryShare      the next share, ordinary; everyone after is small
 * @param recomputeAt        when the nightly recomputation runs, in the business time zone
 * @param defaultCountryCode the calling code for phone numbers written without one
 * @param botUsername        the bot's @username for deep links; empty: ask Telegram
 * @param linkValidity       how long a deep link works
 */
public record CustomerSettings(
        int windowMonths,
        boolean useMargin,
        BigDecimal keyShare,
        BigDecimal majorShare,
        BigDecimal ordinaryShare,
        LocalTime recomputeAt,
        int defaultCountryCode,
        String botUsername,
        Duration linkValidity) {

    public static final Path DEFAULT_FILE = Path.of("config", "tiers.yaml");

    public static CustomerSettings defaults() {
        return new CustomerSettings(
                12,
                false,
                new BigDecimal("0.01"),
                new BigDecimal("0.04"),
                new BigDecimal("0.15"),
                LocalTime.of(3, 0),
                86,
                "",
                Duration.ofHours(168));
    }

    /** The file as written; a setting left out is null. */
    record File(TiersPart tiers, CustomersPart customers) {}

    record TiersPart(Integer windowMonths, String value, Shares shares, String recomputeAt) {}

    record Shares(BigDecimal key, BigDecimal major, BigDecimal ordinary) {}

    record CustomersPart(Integer defaultCountryCode, String botUsername, Integer linkValidHours) {}

    /** Reads {@code file}; a file that does not exist gives the defaults. */
    public static CustomerSettings load(Path file) {
        var document = SettingsDocument.read(file);
        File read = document.bind(File.class);
        var tiers = read.tiers() == null ? new TiersPart(null, null, null, null) : read.tiers();
        var shares = tiers.shares() == null ? new Shares(null, null, null) : tiers.shares();
        var customers = read.customers() == null ? new CustomersPart(null, null, null) : read.customers();
        var defaults = defaults();
        int window = document.whole(tiers.windowMonths(), defaults.windowMonths(), 1, 120, "tiers", "window_months");
        String value = tiers.value() == null ? "amount" : tiers.value().strip();
        if (!value.equals("amount") && !value.equals("margin")) {
            throw document.wrong("amount or margin", "tiers", "value");
        }
        BigDecimal key = share(document, shares.key(), defaults.keyShare(), "key");
        BigDecimal major = share(document, shares.major(), defaults.majorShare(), "major");
        BigDecimal ordinary = share(document, shares.ordinary(), defaults.ordinaryShare(), "ordinary");
        if (key.add(major).add(ordinary).compareTo(BigDecimal.ONE) > 0) {
            throw document.problem(
                    "the shares add up to " + key.add(major).add(ordinary) + "; expected shares "
                            + "that add up to at most 1 (the rest of the customers are small)",
                    "tiers",
                    "shares");
        }
        LocalTime recomputeAt;
        try {
            recomputeAt = tiers.recomputeAt() == null
                    ? defaults.recomputeAt()
                    : LocalTime.parse(tiers.recomputeAt().strip());
        } catch (DateTimeParseException e) {
            throw document.wrong("a time of day such as \"03:00\"", "tiers", "recompute_at");
        }
        int country = document.whole(
                customers.defaultCountryCode(),
                defaults.defaultCountryCode(),
                1,
                999,
                "customers",
                "default_country_code");
        String bot = customers.botUsername() == null
                ? ""
                : customers.botUsername().strip().replaceFirst("^@", "");
        if (!bot.isEmpty() && !bot.matches("[A-Za-z0-9_]{5,32}")) {
            throw document.wrong("the bot's username, 5-32 of A-Z a-z 0-9 _ (or empty)", "customers", "bot_username");
        }
        int hours = document.whole(customers.linkValidHours(), 168, 1, 8760, "customers", "link_valid_hours");
        return new CustomerSettings(
                window,
                value.equals("margin"),
                key,
                major,
                ordinary,
                recomputeAt,
                country,
                bot,
                Duration.ofHours(hours));
    }

    private static BigDecimal share(SettingsDocument document, BigDecimal value, BigDecimal fallback, String tier) {
        if (value == null) {
            return fallback;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw document.wrong("a share from 0 to 1, such as 0.01 for 1%", "tiers", "shares", tier);
        }
        return value;
    }
}
