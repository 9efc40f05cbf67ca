package dev.rapport.complaint;

import dev.rapport.config.ConfigException;
import dev.rapport.config.SettingsDocument;
import dev.rapport.domain.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
public record ComplaintsConfig(
        Map<Tier, Integer> slaHours,
        Duration followupAfter,
        Duration closeUnansweredAfter,
        Pattern orderPattern,
        String orderExample) {

    public ComplaintsConfig {
        slaHours = Map.copyOf(slaHours);
    }

    /** The settings Rapport runs with when the file is missing. */
    public static ComplaintsConfig defaults() {
        return new ComplaintsConfig(
                Map.of(Tier.KEY, 1, Tier.MAJOR, 4, Tier.ORDINARY, 24, Tier.SMALL, 48),
                Duration.ofHours(1),
                Duration.ofHours(72),
                Pattern.compile("[A-Z]{0,4}-?[0-9]{4,12}(-[0-9]{1,6})?", Pattern.CASE_INSENSITIVE),
                "A-102938");
    }

    /** Hours promised to a customer of {@code tier}. */
    public int slaHoursFor(Tier tier) {
        return slaHours.get(tier);
    }

    /** The file as written; a setting left out is null. */
    record File(TierHours slaHours, String followupAfter, String closeUnansweredAfter, OrderReference orderReference) {}

    record TierHours(Integer key, Integer major, Integer ordinary, Integer small) {
        Integer of(Tier tier) {
            return switch (tier) {
                case KEY -> key;
                case MAJOR -> major;
                case ORDINARY -> ordinary;
                case SMALL -> small;
            };
        }
    }

    record OrderReference(String pattern, String example) {}

    /**
     * Reads {@code file}; a missing file gives {@link #defaults()}. Throws {@link ConfigException} naming
     * file, line, column, setting and value.
     */
    public static ComplaintsConfig load(Path file) {
        var document = SettingsDocument.read(file);
        File read = document.bind(File.class);
        ComplaintsConfig fallback = defaults();
        var sla = new LinkedHashMap<Tier, Integer>(fallback.slaHours());
        if (read.slaHours() != null) {
            for (Tier tier : Tier.values()) {
                sla.put(
                        tier,
                        document.whole(
                                read.slaHours().of(tier),
                                fallback.slaHoursFor(tier),
                                1,
                                24 * 30,
                                "sla_hours",
                                tier.code()));
            }
        }
        var order = read.orderReference() == null ? new OrderReference(null, null) : read.orderReference();
        Pattern pattern = fallback.orderPattern();
        if (order.pattern() != null) {
            try {
                pattern = Pattern.compile(order.pattern().strip(), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw document.wrong(
                        "a Java regular expression (" + e.getDescription() + ")", "order_reference", "pattern");
            }
        }
        String example = order.example() != null ? order.example().strip() : fallback.orderExample();
        if (!pattern.matcher(example).matches()) {
            throw document.wrong("an example that order_reference.pattern accepts", "order_reference", "example");
        }
        return new ComplaintsConfig(
                sla,
                document.duration(read.followupAfter(), fallback.followupAfter(), "followup_after"),
                document.duration(
                        read.closeUnansweredAfter(), fallback.closeUnansweredAfter(), "close_unanswered_after"),
                pattern,
                example);
    }
}
