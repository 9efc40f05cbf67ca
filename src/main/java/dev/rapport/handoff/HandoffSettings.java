package dev.rapport.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.config.ConfigException;
import dev.rapport.config.FeatureSettings;
import dev.rapport.domain.Tier;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
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
record HandoffSettings(Map<String, Rule> rules, List<String> queueOrder, BusinessHours hours,
                       Duration noAnswerAfter, Duration minutesPerChat, Duration checkEvery) {

    /** The priorities, most urgent first; stored as their index. */
    static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");
    static final List<String> ORDER_KEYS = List.of("tier", "priority", "waiting");

    /**
     * @param escalate  false: the reason is only recorded, as before handoffs existed
     * @param priority  index into {@link #PRIORITIES}
     * @param tiers     the tiers it escalates for (all when the file names none)
     * @param manager   marks the handoff for a manager
     */
    record Rule(boolean escalate, int priority, Set<Tier> tiers, boolean manager) {
    }

    /** The reasons Rapport raises, with their defaults. */
    static final Map<String, Rule> DEFAULT_RULES = defaults();

    private static Map<String, Rule> defaults() {
        var all = EnumSet.allOf(Tier.class);
        var rules = new LinkedHashMap<String, Rule>();
        rules.put("asked_for_person", new Rule(true, 1, all, false));
        rules.put("strongly_negative", new Rule(true, 1, all, false));
        rules.put("not_understood", new Rule(false, 2, all, false));   // offers a person instead
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
        return new HandoffSettings(DEFAULT_RULES, ORDER_KEYS, BusinessHours.always(zone), Duration.ofMinutes(10),
                Duration.ofMinutes(3), Duration.ofSeconds(30));
    }

    static HandoffSettings load(Path file, ZoneId defaultZone) {
        var root = FeatureSettings.read(file);
        if (root.isEmpty()) {
            return defaults(defaultZone);
        }
        var reader = new Reader(file);
        JsonNode node = root.get();
        reader.only(node, "", Set.of("reasons", "queue_order", "business_hours", "no_answer_after",
                "minutes_per_chat", "check_every"));
        var rules = new LinkedHashMap<>(DEFAULT_RULES);
        JsonNode reasons = node.path("reasons");
        for (Iterator<String> names = reasons.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode rule = reasons.get(name);
            String at = "reasons." + name;
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw reader.problem(at, name, "a reason code in lower case with underscores");
            }
            reader.only(rule, at + ".", Set.of("escalate", "priority", "tiers", "manager"));
            Rule fallback = rules.getOrDefault(name, new Rule(true, 2, EnumSet.allOf(Tier.class), false));
            boolean escalate = rule.has("escalate") ? reader.bool(at + ".escalate", rule.get("escalate")) : fallback.escalate();
            int priority = fallback.priority();
            if (rule.has("priority")) {
                priority = PRIORITIES.indexOf(rule.get("priority").asText());
                if (priority < 0) {
                    throw reader.problem(at + ".priority", rule.get("priority").asText(), "one of " + PRIORITIES);
                }
            }
            Set<Tier> tiers = fallback.tiers();
            if (rule.has("tiers")) {
                var chosen = EnumSet.noneOf(Tier.class);
                for (JsonNode tier : rule.get("tiers")) {
                    chosen.add(Tier.fromCode(tier.asText()).orElseThrow(() -> reader.problem(at + ".tiers",
                            tier.asText(), "tiers from key, major, ordinary, small")));
                }
                tiers = chosen;
            }
            boolean manager = rule.has("manager") ? reader.bool(at + ".manager", rule.get("manager")) : fallback.manager();
            rules.put(name, new Rule(escalate, priority, Set.copyOf(tiers.isEmpty() ? EnumSet.noneOf(Tier.class) : tiers),
                    manager));
        }
        List<String> order = ORDER_KEYS;
        if (node.has("queue_order")) {
            order = new ArrayList<>();
            for (JsonNode key : node.get("queue_order")) {
                if (!ORDER_KEYS.contains(key.asText()) || order.contains(key.asText())) {
                    throw reader.problem("queue_order", key.asText(), "each of " + ORDER_KEYS + " at most once");
                }
                order.add(key.asText());
            }
            if (!order.contains("waiting")) {
                order.add("waiting");   // the oldest first among equals, always
            }
        }
        return new HandoffSettings(Map.copyOf(rules), List.copyOf(order),
                hours(reader, node.path("business_hours"), defaultZone),
                reader.duration("no_answer_after", node.path("no_answer_after"), Duration.ofMinutes(10)),
                reader.duration("minutes_per_chat", node.path("minutes_per_chat"), Duration.ofMinutes(3)),
                reader.duration("check_every", node.path("check_every"), Duration.ofSeconds(30)));
    }

    private static BusinessHours hours(Reader reader, JsonNode node, ZoneId defaultZone) {
        if (node.isMissingNode() || node.isNull()) {
            return BusinessHours.always(defaultZone);
        }
        reader.only(node, "business_hours.", Set.of("time_zone", "days", "hours"));
        ZoneId zone = defaultZone;
        if (node.has("time_zone")) {
            try {
                zone = ZoneId.of(node.get("time_zone").asText());
            } catch (RuntimeException e) {
                throw reader.problem("business_hours.time_zone", node.get("time_zone").asText(),
                        "a time zone such as Asia/Shanghai or Europe/London");
            }
        }
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode day : node.path("days")) {
            days.add(day(reader, day.asText()));
        }
        if (!node.has("days")) {
            days = EnumSet.allOf(DayOfWeek.class);
        }
        String window = node.path("hours").asText("00:00-24:00");
        String[] parts = window.split("-");
        try {
            LocalTime opens = LocalTime.parse(parts[0].strip());
            LocalTime closes = "24:00".equals(parts[1].strip()) ? LocalTime.MAX : LocalTime.parse(parts[1].strip());
            if (!closes.isAfter(opens)) {
                throw reader.problem("business_hours.hours", window, "opening before closing, such as 09:00-18:00");
            }
            return new BusinessHours(zone, Set.copyOf(days), opens, closes);
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw reader.problem("business_hours.hours", window, "a window such as 09:00-18:00");
        }
    }

    private static DayOfWeek day(Reader reader, String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT)) && text.length() >= 3) {
                return day;
            }
        }
        throw reader.problem("business_hours.days", text, "days such as mon, tue, wed, thu, fri, sat, sun");
    }

    /** Reads values and names the file, field, value and what was expected when one is wrong. */
    private record Reader(Path file) {

        ConfigException problem(String field, String value, String expected) {
            return new ConfigException(file + ": " + field + " is '" + value + "'; expected " + expected);
        }

        void only(JsonNode node, String prefix, Set<String> keys) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!keys.contains(name)) {
                    throw new ConfigException(file + ": unknown setting '" + prefix + name + "'; known: "
                            + new java.util.TreeSet<>(keys));
                }
            }
        }

        boolean bool(String field, JsonNode value) {
            if (!value.isBoolean()) {
                throw problem(field, value.asText(), "true or false");
            }
            return value.asBoolean();
        }

        /** {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}. */
        Duration duration(String field, JsonNode value, Duration fallback) {
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            String text = value.asText().strip();
            var matcher = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])").matcher(text);
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
                throw problem(field, text, "a positive duration such as 30s, 10m, 2h or 1d");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }
}
