package dev.rapport.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The survey figures of a view: the period and the previous period of the same length, each overall
 * and by tier, channel, language and survey (the customer's at the time of the response), and the
 * weekly NPS trend. A response belongs to the period it was started in; its scored answers (skipped
 * ones excluded, unfinished responses included) count with it. Two grouped queries; read-only;
 * thread-safe.
 */
final class SurveyFigures {

    static final List<String> DIMENSIONS = List.of("tier", "channel", "language", "survey");
    static final int TREND_WEEKS = 12;

    /** One dimension's value, now and in the previous period. */
    record Pair(Scores now, Scores before) {
        Pair() {
            this(new Scores(), new Scores());
        }
    }

    /**
     * @param by    dimension → value → figures, values in a stable order
     * @param weeks Monday of each week → that week's figures (NPS trend), oldest first
     */
    record Result(Pair total, Map<String, Map<String, Pair>> by, Map<LocalDate, Scores> weeks) {
    }

    private final Jdbi jdbi;
    private final ZoneId zone;

    SurveyFigures(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    Result compute(Filter filter) {
        var total = new Pair();
        Map<String, Map<String, Pair>> by = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> by.put(dimension, new TreeMap<>()));
        Filter previous = filter.previous();
        var periods = new Where().between("r.started_at", previous.start(zone), filter.end(zone)).responses("r", filter);
        var now = filter.start(zone);
        jdbi.useHandle(handle -> {
            periods.bind(handle.createQuery("""
                            SELECT r.started_at >= :now, r.tier, r.channel, r.language, r.survey_id, a.question_type,
                                   a.score, count(*)
                            FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
                            WHERE %s AND NOT a.skipped AND a.score IS NOT NULL AND a.question_type IN ('csat', 'nps', 'ces')
                            GROUP BY 1, 2, 3, 4, 5, 6, 7""".formatted(periods.sql())))
                    .bind("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .map((rs, ctx) -> {
                        boolean current = rs.getBoolean(1);
                        String[] values = {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                        for (Scores scores : targets(total, by, current, values)) {
                            scores.add(rs.getString(6), rs.getInt(7), rs.getLong(8));
                        }
                        return 0;
                    }).list();
            periods.bind(handle.createQuery("""
                            SELECT r.started_at >= :now, r.tier, r.channel, r.language, r.survey_id, count(*),
                                   count(*) FILTER (WHERE r.status = 'completed')
                            FROM survey_responses r WHERE %s GROUP BY 1, 2, 3, 4, 5""".formatted(periods.sql())))
                    .bind("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .map((rs, ctx) -> {
                        String[] values = {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                        for (Scores scores : targets(total, by, rs.getBoolean(1), values)) {
                            scores.addResponses(rs.getLong(6), rs.getLong(7));
                        }
                        return 0;
                    }).list();
        });
        return new Result(total, by, weeks(filter));
    }

    /** NPS (and CSAT) by week: the {@value #TREND_WEEKS} weeks up to the period's end, or the whole period if longer. */
    Map<LocalDate, Scores> weeks(Filter filter) {
        LocalDate lastMonday = filter.to().minusDays(filter.to().getDayOfWeek().getValue() - 1);
        LocalDate firstMonday = lastMonday.minusWeeks(TREND_WEEKS - 1);
        LocalDate periodMonday = filter.from().minusDays(filter.from().getDayOfWeek().getValue() - 1);
        if (periodMonday.isBefore(firstMonday)) {
            firstMonday = periodMonday;
        }
        Map<LocalDate, Scores> weeks = new TreeMap<>();
        for (LocalDate monday = firstMonday; !monday.isAfter(lastMonday); monday = monday.plusWeeks(1)) {
            weeks.put(monday, new Scores());
        }
        var where = new Where().between("r.started_at", firstMonday.atStartOfDay(zone).toInstant(), filter.end(zone))
                .responses("r", filter);
        jdbi.useHandle(handle -> where.bind(handle.createQuery("""
                        SELECT (date_trunc('week', r.started_at AT TIME ZONE :zone))::date, a.question_type, a.score, count(*)
                        FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
                        WHERE %s AND NOT a.skipped AND a.score IS NOT NULL AND a.question_type IN ('csat', 'nps')
                        GROUP BY 1, 2, 3""".formatted(where.sql())))
                .bind("zone", zone.getId())
                .map((rs, ctx) -> {
                    var week = weeks.get(rs.getObject(1, LocalDate.class));
                    if (week != null) {
                        week.add(rs.getString(2), rs.getInt(3), rs.getLong(4));
                    }
                    return 0;
                }).list());
        return weeks;
    }

    private static List<Scores> targets(Pair total, Map<String, Map<String, Pair>> by, boolean current, String[] values) {
        var targets = new java.util.ArrayList<Scores>(5);
        targets.add(current ? total.now() : total.before());
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            Pair pair = by.get(DIMENSIONS.get(i)).computeIfAbsent(values[i], value -> new Pair());
            targets.add(current ? pair.now() : pair.before());
        }
        return targets;
    }
}
