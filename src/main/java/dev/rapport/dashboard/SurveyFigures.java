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
 * weekly NPS trend. A response belongs to the day (business time zone) it was started on; its scored
 * answers (skipped ones excluded, unfinished responses included) count with it. Read from the daily
 * rollups ({@link SurveyRollups}), which hold exactly the counts of the raw rows: a few hundred rows
 * per day instead of every answer. The answers of whole weeks that no period boundary cuts are read
 * from the weekly sums of those rows ({@code survey_answers_weekly}, V101; about a fifth of the rows),
 * the days of the other weeks from the daily rollup: the same counts, fewer rows. Two grouped queries;
 * read-only; thread-safe.
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
    record Result(Pair total, Map<String, Map<String, Pair>> by, Map<LocalDate, Scores> weeks) {}

    private final Jdbi jdbi;
    private final SurveyRollups rollups;

    SurveyFigures(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.rollups = new SurveyRollups(jdbi, zone);
    }

    Result compute(Filter filter) {
        var total = new Pair();
        Map<String, Map<String, Pair>> by = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> by.put(dimension, new TreeMap<>()));
        Filter previous = filter.previous();
        Map<LocalDate, Scores> weeks = emptyWeeks(filter);
        LocalDate firstMonday = weeks.keySet().iterator().next();
        LocalDate scanFrom = firstMonday.isBefore(previous.from()) ? firstMonday : previous.from();
        // Rows a later change brought back to zero are left in the rollups; they count for nothing here.
        var scan = new Where().responses("d", filter).and("d.answers <> 0");
        var split = WeekSplit.of(scanFrom, filter.to(), List.of(previous.from(), filter.from()));
        var periods =
                days("d", previous.from(), filter.to()).responses("d", filter).and("d.responses <> 0");
        jdbi.useHandle(handle -> {
            rollups.ensureZone(handle);
            // Both periods and the weeks of the trend; a REPEATABLE READ snapshot makes the two queries agree.
            // A week is its Monday, found with date arithmetic (1900-01-01 was a Monday): cheaper per row than
            // extract().
            handle.useTransaction(snapshot -> {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                Reads.planned(snapshot);
                scan.bind(handle.createQuery("""
                                SELECT CASE WHEN d.day >= :now THEN 1 WHEN d.day >= :before THEN 2 ELSE 0 END AS period,
                                       d.tier, d.channel, d.language, d.survey_id,
                                       d.day - ((d.day - DATE '1900-01-01') %% 7) AS week, d.question_type, d.scale, d.score,
                                       sum(d.answers) AS answers, GROUPING(d.tier) = 1 AS weekly
                                FROM (SELECT w.week AS day, w.survey_id, w.tier, w.channel, w.language, w.question_type,
                                             w.scale, w.score, w.answers
                                      FROM survey_answers_weekly w
                                      WHERE w.week >= :firstWeek AND w.week <= :lastWeek
                                        AND w.week <> ALL(CAST(:cutWeeks AS date[]))
                                      UNION ALL
                                      SELECT day, survey_id, tier, channel, language, question_type, scale, score, answers
                                      FROM survey_answers_daily WHERE day = ANY(CAST(:cutDays AS date[]))) d
                                WHERE %s
                                GROUP BY GROUPING SETS ((period, d.tier, d.channel, d.language, d.survey_id, d.question_type,
                                                         d.scale, d.score),
                                                        (week, d.question_type, d.scale, d.score))""".formatted(scan.sql())))
                        .bind("now", filter.from())
                        .bind("before", previous.from())
                        .bind("firstWeek", split.firstWeek())
                        .bind("lastWeek", split.lastWeek())
                        .bindArray("cutWeeks", String.class, WeekSplit.texts(split.cutWeeks()))
                        .bindArray("cutDays", String.class, WeekSplit.texts(split.cutDays()))
                        .map((rs, ctx) -> {
                            String type = rs.getString("question_type");
                            int scale = rs.getInt("scale");
                            int score = rs.getInt("score");
                            long count = rs.getLong("answers");
                            int period = rs.getInt("period");
                            if (rs.getBoolean("weekly")) {
                                Scores week = weeks.get(rs.getObject("week", LocalDate.class));
                                if (week != null) {
                                    week.add(type, scale, score, count);
                                }
                            } else if (period != 0) {
                                String[] values = dimensions(rs);
                                for (Scores scores : targets(total, by, period == 1, values)) {
                                    scores.add(type, scale, score, count);
                                }
                            }
                            return 0;
                        })
                        .list();
                periods.bind(handle.createQuery("""
                                SELECT d.day >= :now AS current, d.tier, d.channel, d.language, d.survey_id,
                                       sum(d.responses) AS responses, sum(d.completed) AS completed
                                FROM survey_responses_daily d WHERE %s GROUP BY 1, 2, 3, 4, 5""".formatted(periods.sql())))
                        .bind("now", filter.from())
                        .map((rs, ctx) -> {
                            String[] values = dimensions(rs);
                            for (Scores scores : targets(total, by, rs.getBoolean("current"), values)) {
                                scores.addResponses(rs.getLong("responses"), rs.getLong("completed"));
                            }
                            return 0;
                        })
                        .list();
            });
        });
        return new Result(total, by, weeks);
    }

    /** {@code from <= alias.day <= to}: whole days, both included. */
    private static Where days(String alias, LocalDate from, LocalDate to) {
        return new Where().compare(alias + ".day", ">=", from).compare(alias + ".day", "<=", to);
    }

    /** The {@value #TREND_WEEKS} weeks up to the period's end, or the whole period if longer, each Monday → no figures yet. */
    static Map<LocalDate, Scores> emptyWeeks(Filter filter) {
        LocalDate lastMonday = filter.to().minusDays(filter.to().getDayOfWeek().getValue() - 1);
        LocalDate firstMonday = lastMonday.minusWeeks(TREND_WEEKS - 1);
        LocalDate periodMonday =
                filter.from().minusDays(filter.from().getDayOfWeek().getValue() - 1);
        if (periodMonday.isBefore(firstMonday)) {
            firstMonday = periodMonday;
        }
        Map<LocalDate, Scores> weeks = new TreeMap<>();
        for (LocalDate monday = firstMonday; !monday.isAfter(lastMonday); monday = monday.plusWeeks(1)) {
            weeks.put(monday, new Scores());
        }
        return weeks;
    }

    private static List<Scores> targets(
            Pair total, Map<String, Map<String, Pair>> by, boolean current, String[] values) {
        var targets = new java.util.ArrayList<Scores>(5);
        targets.add(current ? total.now() : total.before());
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            Pair pair = by.get(DIMENSIONS.get(i)).computeIfAbsent(values[i], value -> new Pair());
            targets.add(current ? pair.now() : pair.before());
        }
        return targets;
    }

    /** A row's tier, channel, language and survey, in the order {@code targets} takes them. */
    private static String[] dimensions(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new String[] {
            rs.getString("tier"), rs.getString("channel"), rs.getString("language"), rs.getString("survey_id")
        };
    }
}
