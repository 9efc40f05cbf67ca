package dev.rapport.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a dashboard view shows, exactly as its URL says: a period of whole days in the business's
 * time zone ({@code from} and {@code to}, both included) and any number of tiers, channels,
 * languages, surveys and complaint categories ({@code ?tier=key&tier=major}; none given: all). The
 * same query string therefore opens the same view for anyone it is shared with. Values outside the
 * known ones are dropped, never put into SQL. Immutable.
 */
record Filter(
        LocalDate from,
        LocalDate to,
        List<String> tiers,
        List<String> channels,
        List<String> languages,
        List<String> surveys,
        List<String> categories) {

    static final List<String> TIERS = List.of("key", "major", "ordinary", "small");
    static final List<String> CHANNELS = List.of("telegram", "webchat");
    static final List<String> LANGUAGES = List.of("en", "zh");
    static final List<String> CATEGORIES = List.of("product", "delivery", "service", "billing", "other");
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3660;
    private static final Pattern SURVEY = Pattern.compile("[a-z0-9_-]{1,60}");

    Filter {
        tiers = List.copyOf(tiers);
        channels = List.copyOf(channels);
        languages = List.copyOf(languages);
        surveys = List.copyOf(surveys);
        categories = List.copyOf(categories);
    }

    /** The view a query string asks for; the last {@value #DEFAULT_DAYS} days up to today by default. */
    static Filter parse(Function<String, List<String>> query, LocalDate today) {
        LocalDate to = date(query.apply("to"), today);
        LocalDate from = date(query.apply("from"), to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            from = to.minusDays(MAX_DAYS - 1);
        }
        return new Filter(
                from,
                to,
                known(query.apply("tier"), TIERS::contains),
                known(query.apply("channel"), CHANNELS::contains),
                known(query.apply("language"), LANGUAGES::contains),
                known(query.apply("survey"), v -> SURVEY.matcher(v).matches()),
                known(query.apply("category"), CATEGORIES::contains));
    }

    static Filter lastDays(int days, LocalDate today) {
        return new Filter(today.minusDays(days - 1), today, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length that ends the day before this one starts. */
    Filter previous() {
        return new Filter(from.minusDays(days()), from.minusDays(1), tiers, channels, languages, surveys, categories);
    }

    Filter period(LocalDate newFrom, LocalDate newTo) {
        return new Filter(newFrom, newTo, tiers, channels, languages, surveys, categories);
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive end). */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The filter as query parameters, in a fixed order. */
    Map<String, List<String>> parameters() {
        var parameters = new LinkedHashMap<String, List<String>>();
        parameters.put("from", List.of(from.toString()));
        parameters.put("to", List.of(to.toString()));
        parameters.put("tier", tiers);
        parameters.put("channel", channels);
        parameters.put("language", languages);
        parameters.put("survey", surveys);
        parameters.put("category", categories);
        return parameters;
    }

    /** {@code from=…&to=…&tier=…}, URL-encoded, without a leading {@code ?}. */
    String query() {
        return query(parameters());
    }

    /** This filter's query with one dimension narrowed to one value (a chart bar's or table cell's link). */
    String narrowed(String name, String value) {
        var parameters = parameters();
        if (parameters.containsKey(name)) {
            parameters.put(name, List.of(value));
        }
        return query(parameters);
    }

    static String query(Map<String, List<String>> parameters) {
        var parts = new ArrayList<String>();
        parameters.forEach((name, values) ->
                values.forEach(value -> parts.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", parts);
    }

    private static LocalDate date(List<String> values, LocalDate fallback) {
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(values.get(0).strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static List<String> known(List<String> values, java.util.function.Predicate<String> allowed) {
        if (values == null) {
            return List.of();
        }
        Set<String> kept = new java.util.LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String word = part.strip();
                if (allowed.test(word)) {
                    kept.add(word);
                }
            }
        }
        return List.copyOf(kept);
    }
}
