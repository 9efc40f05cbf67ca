package dev.rapport.handoff;

import dev.rapport.config.SettingsDocument;
import dev.rapport.domain.Tier;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code config/handoff.yaml}: which escalation reasons hand a chat to a person and how urgent each
 * is, the queue order, the team's business hours, when an unanswered customer is told again, and
 * the minutes per waiting customer used to say roughly when a person comes. A missing file means
 * the defaults below. Immutable; thread-safe.
 */
record HandoffSettings(
        Map<String, Rule> rules,
        List<String> queueOrder,
        BusinessHours hours,
        Duration noAnswerAfter,
        Duration minutesPerChat,
        Duration checkEvery) {

    /** The priorities, most urgent first; stored as their index. */
    static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");

    static final List<String> ORDER_KEYS = List.of("tier", "priority", "waiting");

    /**
     * @param escalate  false: the reason is only recorded, as before handoffs existed
     * @param priority  index into {@link #PRIORITIES}
     * @param tiers     the tiers it escalates for (all when the file names none)
     * @param manager   marks the handoff for a manager
     */
    record Rule(boolean escalate, int priority, Set<Tier> tiers, boolean manager) {}

    /** The reasons Rapport raises, with their defaults. */
    static final Map<String, Rule> DEFAULT_RULES = defaults();

    private static Map<String, Rule> defaults() {
        var all = EnumSet.allOf(Tier.class);
        var rules = new LinkedHashMap<String, Rule>();
        rules.put("asked_for_person", new Rule(true, 1, all, false));
        rules.put("strongly_negative", new Rule(true, 1, all, false));
        rules.put("not_understood", new Rule(false, 2, all, false)); // offers a person instead
        rules.put("step_limit", new Rule(true, 2, all, false));
        rules.put("complaint", new Rule(true, 1, EnumSet.of(Tier.KEY), false));
        rules.put("sla_breach", new Rule(true, 0, all, false));
        rules.put("winback", new Rule(true, 1, EnumSet.of(Tier.KEY), false));
        rules.put("low_followup_csat", new Rule(true, 1, all, false));
        rules.put("cancel", new Rule(true, 1, EnumSet.of(Tier.KEY, Tier.MAJOR), false));
        rules.put("low_handoff_csat", new Rule(true, 0, all, true));
        return java.util.Collections.unmodifiableMap(rules);
    }

    Rule rule(String reason) {
        return rules.getOrDefault(reason, new Rule(true, 2, EnumSet.allOf(Tier.class), false));
    }

    static String priorityName(int index) {
        return PRIORITIES.get(Math.max(0, Math.min(index, PRIORITIES.size() - 1)));
    }

    static HandoffSettings defaults(ZoneId zone) {
        return new HandoffSettings(
                DEFAULT_RULES,
                ORDER_KEYS,
                BusinessHours.always(zone),
                Duration.ofMinutes(10),
                Duration.ofMinutes(3),
                Duration.ofSeconds(30));
    }

    /** The file as written; a setting left out is null. */
    record File(
            Map<String, Reason> reasons,
            List<String> queueOrder,
            Hours businessHours,
            String noAnswerAfter,
            String minutesPerChat,
            String checkEvery) {}

    record Reason(Boolean escalate, String priority, List<String> tiers, Boolean manager) {}

    record Hours(String timeZone, List<String> days, String hours) {}

    static HandoffSettings load(Path file, ZoneId defaultZone) {
        var document = SettingsDocument.read(file);
        if (!document.exists()) {
            return defaults(defaultZone);
        }
        File read = document.bind(File.class);
        var rules = new LinkedHashMap<>(DEFAULT_RULES);
        Map<String, Reason> reasons = read.reasons() == null ? Map.of() : read.reasons();
        reasons.forEach((name, given) -> rules.put(name, rule(document, name, given, rules.get(name))));
        List<String> order = ORDER_KEYS;
        if (read.queueOrder() != null) {
            order = new ArrayList<>();
            for (int index = 0; index < read.queueOrder().size(); index++) {
                String key = read.queueOrder().get(index);
                if (!ORDER_KEYS.contains(key) || order.contains(key)) {
                    throw document.wrong("each of " + ORDER_KEYS + " at most once", "queue_order", index);
                }
                order.add(key);
            }
            if (!order.contains("waiting")) {
                order.add("waiting"); // the oldest first among equals, always
            }
        }
        return new HandoffSettings(
                Map.copyOf(rules),
                List.copyOf(order),
                hours(document, read.businessHours(), defaultZone),
                document.duration(read.noAnswerAfter(), Duration.ofMinutes(10), "no_answer_after"),
                document.duration(read.minutesPerChat(), Duration.ofMinutes(3), "minutes_per_chat"),
                document.duration(read.checkEvery(), Duration.ofSeconds(30), "check_every"));
    }

    private static Rule rule(SettingsDocument document, String name, Reason given, Rule known) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw document.problem("expected a reason code in lower case with underscores", "reasons", name);
        }
        Reason reason = given == null ? new Reason(null, null, null, null) : given;
        Rule fallback = known != null ? known : new Rule(true, 2, EnumSet.allOf(Tier.class), false);
        int priority = fallback.priority();
        if (reason.priority() != null) {
            priority = PRIORITIES.indexOf(reason.priority());
            if (priority < 0) {
                throw document.wrong("one of " + PRIORITIES, "reasons", name, "priority");
            }
        }
        Set<Tier> tiers = fallback.tiers();
        if (reason.tiers() != null) {
            var chosen = EnumSet.noneOf(Tier.class);
            for (int index = 0; index < reason.tiers().size(); index++) {
                int at = index;
                chosen.add(Tier.fromCode(String.valueOf(reason.tiers().get(index)))
                        .orElseThrow(() -> document.wrong(
                                "tiers from key, major, ordinary, small", "reasons", name, "tiers", at)));
            }
            tiers = chosen;
        }
        return new Rule(
                reason.escalate() == null ? fallback.escalate() : reason.escalate(),
                priority,
                Set.copyOf(tiers),
                reason.manager() == null ? fallback.manager() : reason.manager());
    }

    private static BusinessHours hours(SettingsDocument document, Hours given, ZoneId defaultZone) {
        if (given == null) {
            return BusinessHours.always(defaultZone);
        }
        ZoneId zone = defaultZone;
        if (given.timeZone() != null) {
            try {
                zone = ZoneId.of(given.timeZone().strip());
            } catch (RuntimeException e) {
                throw document.wrong(
                        "a time zone such as Asia/Shanghai or Europe/London", "business_hours", "time_zone");
            }
        }
        var days = EnumSet.allOf(DayOfWeek.class);
        if (given.days() != null) {
            days = EnumSet.noneOf(DayOfWeek.class);
            for (int index = 0; index < given.days().size(); index++) {
                days.add(day(document, String.valueOf(given.days().get(index)), index));
            }
        }
        String window = given.hours() == null ? "00:00-24:00" : given.hours();
        String[] parts = window.split("-");
        try {
            LocalTime opens = LocalTime.parse(parts[0].strip());
            LocalTime closes = "24:00".equals(parts[1].strip()) ? LocalTime.MAX : LocalTime.parse(parts[1].strip());
            if (!closes.isAfter(opens)) {
                throw document.wrong("opening before closing, such as 09:00-18:00", "business_hours", "hours");
            }
            return new BusinessHours(zone, Set.copyOf(days), opens, closes);
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw document.wrong("a window such as 09:00-18:00", "business_hours", "hours");
        }
    }

    private static DayOfWeek day(SettingsDocument document, String text, int index) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT)) && text.length() >= 3) {
                return day;
            }
        }
        throw document.wrong("days such as mon, tue, wed, thu, fri, sat, sun", "business_hours", "days", index);
    }
}
