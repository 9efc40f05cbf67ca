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
 * weekly NPS trend (one pass over the answers with grouping sets). A response belongs to the period it was started in; its scored answers (skipped
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
        Map<LocalDate, Scores> weeks = emptyWeeks(filter);
        LocalDate firstMonday = weeks.keySet().iterator().next();
        LocalDate scanFrom = firstMonday.isBefore(previous.from()) ? firstMonday : previous.from();
        var scan = new Where().between("r.started_at", scanFrom.atStartOfDay(zone).toInstant(), filter.end(zone))
                .responses("r", filter);
        var periods = new Where().between("r.started_at", previous.start(zone), filter.end(zone)).responses("r", filter);
        var now = java.time.OffsetDateTime.ofInstant(filter.start(zone), java.time.ZoneOffset.UTC);
        var before = java.time.OffsetDateTime.ofInstant(previous.start(zone), java.time.ZoneOffset.UTC);
        jdbi.useHandle(handle -> {
            // One pass over the answers: the two periods by every dimension, and the weeks of the trend.
            scan.bind(handle.createQuery("""
                            SELECT period, tier, channel, language, survey_id, week, question_type, score, count(*),
                                   GROUPING(tier) = 1
                            FROM (SELECT CASE WHEN r.started_at >= :now THEN 1 WHEN r.started_at >= :before THEN 2 ELSE 0 END
                                             AS period, r.tier, r.channel, r.language, r.survey_id,
                                         (date_trunc('week', r.started_at AT TIME ZONE :zone))::date AS week,
                                         a.question_type, a.score
                                  FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
                                  WHERE %s AND NOT a.skipped AND a.score IS NOT NULL
                                    AND a.question_type IN ('csat', 'nps', 'ces')) scored
                            GROUP BY GROUPING SETS ((period, tier, channel, language, survey_id, question_type, score),
                                                    (week, question_type, score))""".formatted(scan.sql())))
                    .bind("now", now).bind("before", before).bind("zone", zone.getId())
                    .map((rs, ctx) -> {
                        String type = rs.getString(7);
                        int score = rs.getInt(8);
                        long count = rs.getLong(9);
                        if (rs.getBoolean(10)) {
                            Scores week = weeks.get(rs.getObject(6, LocalDate.class));
                            if (week != null) {
                                week.add(type, score, count);
                            }
                        } else if (rs.getInt(1) != 0) {
                            String[] values = {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                            for (Scores scores : targets(total, by, rs.getInt(1) == 1, values)) {
                                scores.add(type, score, count);
                            }
                        }
                        return 0;
                    }).list();
            periods.bind(handle.createQuery("""
                            SELECT r.started_at >= :now, r.tier, r.channel, r.language, r.survey_id, count(*),
                                   count(*) FILTER (WHERE r.status = 'completed')
                            FROM survey_responses r WHERE %s GROUP BY 1, 2, 3, 4, 5""".formatted(periods.sql())))
                    .bind("now", now)
                    .map((rs, ctx) -> {
                        String[] values = {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                        for (Scores scores : targets(total, by, rs.getBoolean(1), values)) {
                            scores.addResponses(rs.getLong(6), rs.getLong(7));
                        }
                        return 0;
                    }).list();
        });
        return new Result(total, by, weeks);
    }

    /** The {@value #TREND_WEEKS} weeks up to the period's end, or the whole period if longer, each Monday → no figures yet. */
    static Map<LocalDate, Scores> emptyWeeks(Filter filter) {
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
