package dev.rapport.complaint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.config.ConfigException;
import dev.rapport.domain.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The complaint settings from {@code config/complaints.yaml}, validated. Immutable.
 *
 * @param slaHours             promised response time in hours, for every tier
 * @param followupAfter        how long after a resolution the follow-up survey is sent
 * @param closeUnansweredAfter how long an unanswered follow-up waits before the ticket closes
 * @param orderPattern         what an order or booking reference looks like (whole answer, case-insensitive)
 * @param orderExample         an example reference, shown when an answer does not match
 */
public record ComplaintsConfig(Map<Tier, Integer> slaHours, Duration followupAfter, Duration closeUnansweredAfter,
                               Pattern orderPattern, String orderExample) {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([mhd])");
    private static final List<String> KEYS = List.of("sla_hours", "followup_after", "close_unanswered_after",
            "order_reference");

    public ComplaintsConfig {
        slaHours = Map.copyOf(slaHours);
    }

    /** The settings Rapport runs with when the file is missing. */
    public static ComplaintsConfig defaults() {
        return new ComplaintsConfig(Map.of(Tier.KEY, 1, Tier.MAJOR, 4, Tier.ORDINARY, 24, Tier.SMALL, 48), Duration.ofHours(1),
                Duration.ofHours(72), Pattern.compile("[A-Z]{0,4}-?[0-9]{4,12}(-[0-9]{1,6})?", Pattern.CASE_INSENSITIVE),
                "A-102938");
    }

    /** Hours promised to a customer of {@code tier}. */
    public int slaHoursFor(Tier tier) {
        return slaHours.get(tier);
    }

    /** Reads {@code file}; a missing file gives {@link #defaults()}. Throws {@link ConfigException} naming file, setting and value. */
    public static ComplaintsConfig load(Path file) {
        var read = dev.rapport.config.FeatureSettings.read(file);
        if (read.isEmpty()) {
            return defaults();
        }
        JsonNode root = read.get();
        if (!root.isObject()) {
            throw new ConfigException(file + ": expected a map of settings at the top level");
        }
        var reader = new Reader(file);
        reader.unknownKeys(root, "", KEYS);
        ComplaintsConfig fallback = defaults();
        var sla = new LinkedHashMap<Tier, Integer>(fallback.slaHours());
        JsonNode slaNode = root.path("sla_hours");
        if (!slaNode.isMissingNode() && !slaNode.isNull()) {
            reader.unknownKeys(slaNode, "sla_hours.", Tier.codes());
            for (Tier tier : Tier.values()) {
                if (slaNode.has(tier.code())) {
                    sla.put(tier, reader.hours("sla_hours." + tier, slaNode.get(tier.code())));
                }
            }
        }
        JsonNode order = root.path("order_reference");
        if (order.isObject()) {
            reader.unknownKeys(order, "order_reference.", List.of("pattern", "example"));
        }
        Pattern pattern = order.has("pattern") ? reader.pattern("order_reference.pattern", order.get("pattern"))
                : fallback.orderPattern();
        String example = order.has("example") ? order.get("example").asText().strip() : fallback.orderExample();
        if (!pattern.matcher(example).matches()) {
            throw reader.wrong("order_reference.example", example, "an example that order_reference.pattern accepts");
        }
        return new ComplaintsConfig(sla,
                root.has("followup_after") ? reader.duration("followup_after", root.get("followup_after"))
                        : fallback.followupAfter(),
                root.has("close_unanswered_after")
                        ? reader.duration("close_unanswered_after", root.get("close_unanswered_after"))
                        : fallback.closeUnansweredAfter(),
                pattern, example);
    }

    /** Typed reads of one file's values; each error names the file, the setting, the value and what is expected. */
    private record Reader(Path file) {

        void unknownKeys(JsonNode node, String prefix, List<String> known) {
            if (!node.isObject()) {
                throw wrong(prefix.isEmpty() ? "(top level)" : prefix.substring(0, prefix.length() - 1), node.asText(),
                        "a map of " + known);
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new ConfigException(file + ": unknown setting '" + prefix + name + "': expected one of "
                            + known.stream().map(k -> prefix + k).toList());
                }
            }
        }

        int hours(String setting, JsonNode value) {
            if (value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 1 && value.asInt() <= 24 * 30) {
                return value.asInt();
            }
            throw wrong(setting, value.asText(), "a whole number of hours from 1 to 720");
        }

        Duration duration(String setting, JsonNode value) {
            Matcher matcher = DURATION.matcher(value.asText().strip());
            if (matcher.matches() && Long.parseLong(matcher.group(1)) > 0) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            throw wrong(setting, value.asText(), "a duration such as 30m, 1h or 3d");
        }

        Pattern pattern(String setting, JsonNode value) {
            try {
                return Pattern.compile(value.asText().strip(), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw wrong(setting, value.asText(), "a Java regular expression (" + e.getDescription() + ")");
            }
        }

        ConfigException wrong(String setting, String value, String expected) {
            return new ConfigException(file + ": setting " + setting + " is '" + value + "': expected " + expected);
        }
    }
}
