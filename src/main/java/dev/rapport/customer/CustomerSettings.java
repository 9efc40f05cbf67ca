package dev.rapport.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.config.ConfigException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

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
public record CustomerSettings(int windowMonths, boolean useMargin, BigDecimal keyShare, BigDecimal majorShare,
                               BigDecimal ordinaryShare, LocalTime recomputeAt, int defaultCountryCode,
                               String botUsername, Duration linkValidity) {

    public static final Path DEFAULT_FILE = Path.of("config", "tiers.yaml");

    private static final Set<String> TOP = Set.of("tiers", "customers");
    private static final Set<String> TIERS = Set.of("window_months", "value", "shares", "recompute_at");
    private static final Set<String> SHARES = Set.of("key", "major", "ordinary");
    private static final Set<String> CUSTOMERS = Set.of("default_country_code", "bot_username", "link_valid_hours");

    public static CustomerSettings defaults() {
        return new CustomerSettings(12, false, new BigDecimal("0.01"), new BigDecimal("0.04"),
                new BigDecimal("0.15"), LocalTime.of(3, 0), 86, "", Duration.ofHours(168));
    }

    /** Reads {@code file}; a file that does not exist gives the defaults. */
    public static CustomerSettings load(Path file) {
        return parse(file.toString(), dev.rapport.config.FeatureSettings.read(file).orElse(null));
    }

    static CustomerSettings parse(String file, JsonNode root) {
        var reader = new Reader(file);
        JsonNode tiers = reader.section(root, null, "tiers", TOP, TIERS);
        JsonNode customers = reader.section(root, null, "customers", TOP, CUSTOMERS);
        JsonNode shares = reader.section(tiers, "tiers", "shares", TIERS, SHARES);
        var defaults = defaults();
        int window = reader.integer(tiers, "tiers.window_months", defaults.windowMonths(), 1, 120);
        String value = reader.text(tiers, "tiers.value", "amount");
        if (!value.equals("amount") && !value.equals("margin")) {
            throw reader.wrong("tiers.value", value, "amount or margin");
        }
        BigDecimal key = reader.share(shares, "tiers.shares.key", defaults.keyShare());
        BigDecimal major = reader.share(shares, "tiers.shares.major", defaults.majorShare());
        BigDecimal ordinary = reader.share(shares, "tiers.shares.ordinary", defaults.ordinaryShare());
        if (key.add(major).add(ordinary).compareTo(BigDecimal.ONE) > 0) {
            throw reader.wrong("tiers.shares", key + " + " + major + " + " + ordinary,
                    "shares that add up to at most 1 (the rest of the customers are small)");
        }
        String at = reader.text(tiers, "tiers.recompute_at", "03:00");
        LocalTime recomputeAt;
        try {
            recomputeAt = LocalTime.parse(at);
        } catch (DateTimeParseException e) {
            throw reader.wrong("tiers.recompute_at", at, "a time of day such as \"03:00\"");
        }
        int country = reader.integer(customers, "customers.default_country_code", defaults.defaultCountryCode(), 1, 999);
        String bot = reader.text(customers, "customers.bot_username", "").replaceFirst("^@", "");
        if (!bot.isEmpty() && !bot.matches("[A-Za-z0-9_]{5,32}")) {
            throw reader.wrong("customers.bot_username", bot, "the bot's username, 5-32 of A-Z a-z 0-9 _ (or empty)");
        }
        int hours = reader.integer(customers, "customers.link_valid_hours", 168, 1, 8760);
        return new CustomerSettings(window, value.equals("margin"), key, major, ordinary, recomputeAt, country, bot,
                Duration.ofHours(hours));
    }

    /** Typed reads of one file's nodes; every error names the file and the dotted setting. */
    private record Reader(String file) {

        JsonNode section(JsonNode parent, String parentName, String name, Set<String> siblings, Set<String> known) {
            if (parent != null && !parent.isObject()) {
                throw wrong(parentName == null ? "(top level)" : parentName, parent.toString(), "a map of settings");
            }
            if (parent != null && parentName == null) {
                checkKeys(parent, null, siblings);
            }
            JsonNode node = parent == null ? null : parent.get(name);
            String dotted = parentName == null ? name : parentName + "." + name;
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw wrong(dotted, node.toString(), "a map of settings");
            }
            checkKeys(node, dotted, known);
            return node;
        }

        private void checkKeys(JsonNode node, String dotted, Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!known.contains(key)) {
                    throw new ConfigException(file + ": unknown setting '" + (dotted == null ? key : dotted + "." + key)
                            + "': expected one of " + new java.util.TreeSet<>(known));
                }
            }
        }

        String text(JsonNode section, String dotted, String fallback) {
            JsonNode node = section == null ? null : section.get(dotted.substring(dotted.lastIndexOf('.') + 1));
            return node == null || node.isNull() ? fallback : node.asText().trim();
        }

        int integer(JsonNode section, String dotted, int fallback, int min, int max) {
            String text = text(section, dotted, Integer.toString(fallback));
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw wrong(dotted, text, "a whole number from " + min + " to " + max);
        }

        BigDecimal share(JsonNode section, String dotted, BigDecimal fallback) {
            String text = text(section, dotted, fallback.toPlainString());
            try {
                BigDecimal value = new BigDecimal(text);
                if (value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw wrong(dotted, text, "a share from 0 to 1, such as 0.01 for 1%");
        }

        ConfigException wrong(String dotted, String value, String expected) {
            return new ConfigException(file + ": setting " + dotted + " is '" + value + "': expected " + expected);
        }
    }
}
