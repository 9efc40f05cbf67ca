package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Database;
import dev.rapport.store.TestDatabase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures the dashboard reads from its rollups ({@code survey_answers_daily},
 * {@code survey_answers_weekly}, {@code survey_responses_daily}, {@code complaint_figures}) equal the same figures counted from the
 * raw rows — here counted in Java from {@code survey_responses} and {@code survey_answers}, and with
 * the raw complaint SQL — on {@link Fixture} after the changes the triggers must follow: an answer
 * upserted with a new score, an answer skipped after the fact, a response completed, a response
 * deleted, a CES answer on a 1–5 scale, a complaint reopened later; in two time zones (the second one
 * rebuilds the rollups); for the period, an empty period, a survey nobody answered and filters.
 */
class RollupsMatchRowsIT {

    static Database database;
    static Jdbi jdbi;
    static final List<Filter> FILTERS = List.of(
            DashboardFiguresIT.filter("from=2026-11-01", "to=2026-11-10"),
            DashboardFiguresIT.filter("from=2026-06-01", "to=2026-06-10"),
            DashboardFiguresIT.filter("from=2026-11-01", "to=2026-11-10", "survey=winter"),
            DashboardFiguresIT.filter("from=2026-11-01", "to=2026-11-10", "tier=small", "tier=major"),
            DashboardFiguresIT.filter("from=2026-11-01", "to=2026-11-10", "language=zh", "channel=webchat"),
            DashboardFiguresIT.filter("from=2026-01-01", "to=2026-11-10"),
            // Read by whole weeks with the period boundary inside a week that has answers on both sides.
            DashboardFiguresIT.filter("from=2026-11-04", "to=2026-11-20"),
            DashboardFiguresIT.filter("from=2026-09-01", "to=2026-11-30", "tier=key"),
            DashboardFiguresIT.filter("from=2026-11-03", "to=2026-11-03"));

    @BeforeAll
    static void load() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        var fixture = new Fixture(jdbi);
        jdbi.useHandle(handle -> {
            // A repeated turn upserts the answer with another score; an answer is skipped afterwards.
            handle.execute("""
                    INSERT INTO survey_answers (response_id, question_id, question_type, score)
                    SELECT response_id, 'csat', 'csat', 4 FROM survey_answers WHERE id = ?
                    ON CONFLICT (response_id, question_id) DO UPDATE SET score = excluded.score""", fixture.answerR4Csat);
            handle.execute("UPDATE survey_answers SET skipped = true, score = NULL WHERE id = ?", fixture.answerR3Csat);
            handle.execute(
                    "UPDATE survey_responses SET status = 'completed', finished_at = now() WHERE survey_id = 'winter'");
            handle.execute("UPDATE survey_responses SET answered_at = now()");
            // A response that goes away with its answers, and a survey asking CES on 1-5, late in the evening UTC.
            long gone = handle.createQuery("""
                            INSERT INTO survey_responses (survey_id, customer_id, trigger, status, tier, channel, chat_key, language,
                                                          started_at)
                            VALUES ('feedback', ?, 'menu', 'completed', 'key', 'telegram', 'chat', 'en', '2026-11-06T10:00:00Z')
                            RETURNING id""")
                    .bind(0, fixture.key)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO survey_answers (response_id, question_id, question_type, score) VALUES (?, 'nps', 'nps', 0)",
                    gone);
            handle.execute("DELETE FROM survey_responses WHERE id = ?", gone);
            long quick = handle.createQuery("""
                            INSERT INTO survey_responses (survey_id, customer_id, trigger, status, tier, channel, chat_key, language,
                                                          started_at)
                            VALUES ('quick', ?, 'menu', 'completed', 'major', 'webchat', 'chat', 'zh', '2026-11-07T20:30:00Z')
                            RETURNING id""")
                    .bind(0, fixture.major)
                    .mapTo(Long.class)
                    .one();
            handle.execute("""
                    INSERT INTO survey_answers (response_id, question_id, question_type, score, scale)
                    VALUES (?, 'ces', 'ces', 2, 5), (?, 'csat', 'csat', 5, 5)""", quick, quick);
            // The open complaint is taken in hand, resolved and reopened later; its row changes with it.
            long open = handle.createQuery("SELECT id FROM complaints WHERE ticket = 'C-261104-0001'")
                    .mapTo(Long.class)
                    .one();
            handle.execute("""
                    INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, occurred_at) VALUES
                    (?, 'status_changed', 'open', 'in_progress', 'staff:Sam', '2026-11-04T06:00:00Z'),
                    (?, 'status_changed', 'in_progress', 'resolved', 'staff:Sam', '2026-11-05T00:00:00Z')""", open, open);
            handle.execute("""
                    UPDATE complaints SET status = 'resolved', resolved_at = '2026-11-05T00:00:00Z', csat = 2,
                           followup_answered_at = '2026-11-06T00:00:00Z' WHERE id = ?""", open);
            handle.execute("""
                    INSERT INTO complaint_events (complaint_id, type, from_status, to_status, actor, occurred_at)
                    VALUES (?, 'status_changed', 'resolved', 'reopened', 'customer', '2026-11-06T00:00:00Z')""", open);
            handle.execute("UPDATE complaints SET status = 'reopened' WHERE id = ?", open);
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void surveyFiguresFromTheRollupsEqualTheRawRowsInEveryZone() {
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/Los_Angeles"))) {
            var figures = new SurveyFigures(jdbi, zone);
            for (Filter filter : FILTERS) {
                assertThat(describe(figures.compute(filter)))
                        .as("%s %s", zone, filter.query())
                        .isEqualTo(describe(fromRows(zone, filter)));
            }
        }
        // The 1-5 CES answer is counted on its own scale.
        var november = new SurveyFigures(jdbi, ZoneOffset.UTC)
                .compute(FILTERS.get(0))
                .total()
                .now();
        assertThat(november.cesScales()).containsExactly(5, 7);
        assertThat(november.cesMean(5)).isEqualTo(2.0);
        assertThat(november.cesMean(7)).isEqualTo(5.5);
    }

    @Test
    void everyWeekOfTheWeeklyRollupIsTheSumOfItsAnswersInEveryZone() {
        for (ZoneId zone : List.of(ZoneId.of("Asia/Shanghai"), ZoneOffset.UTC, ZoneId.of("America/Los_Angeles"))) {
            new SurveyRollups(jdbi, zone).ensureZone();
            String weekly = jdbi.withHandle(
                    handle -> handle.createQuery("""
                            SELECT string_agg(concat_ws(' ', week, survey_id, tier, channel, language, question_type, scale, score,
                                                        answers), E'\\n' ORDER BY week, survey_id, tier, channel, language,
                                                                                 question_type, scale, score)
                            FROM survey_answers_weekly WHERE answers <> 0""").mapTo(String.class).one());
            String raw = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT string_agg(concat_ws(' ', week, survey_id, tier, channel, language, question_type, scale, score,
                                                        answers), E'\\n' ORDER BY week, survey_id, tier, channel, language,
                                                                                 question_type, scale, score)
                            FROM (SELECT survey_week((r.started_at AT TIME ZONE :zone)::date) AS week, r.survey_id, r.tier, r.channel,
                                         r.language, a.question_type, survey_answer_scale(a.question_type, a.scale) AS scale,
                                         a.score, count(*) AS answers
                                  FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                                  WHERE a.question_type IN ('csat', 'nps', 'ces') AND a.score IS NOT NULL AND NOT a.skipped
                                  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) counted""")
                    .bind("zone", zone.getId())
                    .mapTo(String.class)
                    .one());
            assertThat(weekly).as(zone.getId()).isNotBlank().isEqualTo(raw);
        }
    }

    @Test
    void complaintFiguresFromTheirTableEqualTheRawRows() {
        var figures = new ComplaintFigures(jdbi, ZoneOffset.UTC);
        for (Filter filter : FILTERS) {
            var fromTable = figures.compute(filter);
            assertThat(describe(fromTable.now()))
                    .as(filter.query())
                    .isEqualTo(describe(complaintsFromRows(filter, true)));
            assertThat(describe(fromTable.before()))
                    .as(filter.query())
                    .isEqualTo(describe(complaintsFromRows(filter, false)));
        }
        var november = figures.compute(FILTERS.get(0)).now();
        assertThat(november.total().reopened).isEqualTo(2);
        assertThat(november.times().responded()).isEqualTo(3);
    }

    /** The survey figures counted in Java from the raw rows, as the dashboard defines them. */
    static SurveyFigures.Result fromRows(ZoneId zone, Filter filter) {
        var total = new SurveyFigures.Pair();
        Map<String, Map<String, SurveyFigures.Pair>> by = new LinkedHashMap<>();
        SurveyFigures.DIMENSIONS.forEach(dimension -> by.put(dimension, new TreeMap<>()));
        Map<LocalDate, Scores> weeks = SurveyFigures.emptyWeeks(filter);
        Filter previous = filter.previous();
        record Row(
                long response,
                LocalDate day,
                String[] values,
                String status,
                String type,
                Integer scale,
                Integer score,
                Boolean skipped) {}
        var rows = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.id, r.started_at, r.tier, r.channel, r.language, r.survey_id, r.status, a.question_type,
                               survey_answer_scale(a.question_type, a.scale), a.score, a.skipped
                        FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id ORDER BY r.id""")
                .map((rs, ctx) -> new Row(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class)
                                .atZoneSameInstant(zone)
                                .toLocalDate(),
                        new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)},
                        rs.getString(7),
                        rs.getString(8),
                        (Integer) rs.getObject(9),
                        (Integer) rs.getObject(10),
                        (Boolean) rs.getObject(11)))
                .list());
        List<List<String>> allowed = List.of(filter.tiers(), filter.channels(), filter.languages(), filter.surveys());
        long lastResponse = -1;
        for (Row row : rows) {
            boolean kept = true;
            for (int i = 0; i < 4; i++) {
                kept &= allowed.get(i).isEmpty() || allowed.get(i).contains(row.values()[i]);
            }
            if (!kept) {
                continue;
            }
            boolean now = !row.day().isBefore(filter.from()) && !row.day().isAfter(filter.to());
            boolean before = !row.day().isBefore(previous.from()) && !row.day().isAfter(previous.to());
            var targets = new ArrayList<Scores>();
            if (now || before) {
                targets.add(now ? total.now() : total.before());
                for (int i = 0; i < 4; i++) {
                    var pair = by.get(SurveyFigures.DIMENSIONS.get(i))
                            .computeIfAbsent(row.values()[i], v -> new SurveyFigures.Pair());
                    targets.add(now ? pair.now() : pair.before());
                }
            }
            if (row.response() != lastResponse) {
                lastResponse = row.response();
                targets.forEach(scores -> scores.addResponses(1, "completed".equals(row.status()) ? 1 : 0));
            }
            if (row.type() == null
                    || row.score() == null
                    || row.skipped()
                    || !List.of("csat", "nps", "ces").contains(row.type())) {
                continue;
            }
            targets.forEach(scores -> scores.add(row.type(), row.scale(), row.score(), 1));
            Scores week = weeks.get(row.day().minusDays(row.day().getDayOfWeek().getValue() - 1));
            if (week != null && !row.day().isAfter(filter.to())) {
                week.add(row.type(), row.scale(), row.score(), 1);
            }
        }
        return new SurveyFigures.Result(total, by, weeks);
    }

    static String describe(SurveyFigures.Result result) {
        var text = new StringBuilder("total ").append(describe(result.total()));
        result.by()
                .forEach((dimension, values) -> values.forEach((value, pair) -> text.append('\n')
                        .append(dimension)
                        .append('=')
                        .append(value)
                        .append(' ')
                        .append(describe(pair))));
        result.weeks()
                .forEach((monday, scores) ->
                        text.append("\nweek ").append(monday).append(' ').append(describe(scores)));
        return text.toString();
    }

    static String describe(SurveyFigures.Pair pair) {
        return "now " + describe(pair.now()) + " before " + describe(pair.before());
    }

    static String describe(Scores scores) {
        var ces = new StringBuilder();
        scores.ces.forEach((scale, counts) -> ces.append(" ces").append(scale).append(Arrays.toString(counts)));
        return "csat" + Arrays.toString(scores.csat) + " nps" + Arrays.toString(scores.nps) + ces + " asked "
                + scores.asked + " completed " + scores.completed;
    }

    /** The complaint figures of one period with the raw SQL (first response and reopens from complaint_events). */
    static ComplaintFigures.Period complaintsFromRows(Filter filter, boolean current) {
        Filter period = current ? filter : filter.previous();
        var where = new Where()
                .between("c.created_at", period.start(ZoneOffset.UTC), period.end(ZoneOffset.UTC))
                .complaints("c", filter);
        var result = new ComplaintFigures.Period(
                new ComplaintFigures.Counts(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null);
        return jdbi.withHandle(handle -> {
            where.bind(handle.createQuery("""
                            SELECT c.tier, c.category, c.status, count(*), count(c.sla_breached_at), count(c.followup_answered_at),
                                   count(*) FILTER (WHERE c.followup_answered_at IS NOT NULL AND EXISTS (
                                       SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_status = 'reopened')),
                                   count(*) FILTER (WHERE c.csat >= 4)
                            FROM complaints c WHERE %s GROUP BY 1, 2, 3""".formatted(where.sql())))
                    .map((rs, ctx) -> {
                        for (var counts : List.of(
                                result.total(),
                                result.byTier().computeIfAbsent(rs.getString(1), k -> new ComplaintFigures.Counts()),
                                result.byCategory()
                                        .computeIfAbsent(rs.getString(2), k -> new ComplaintFigures.Counts()),
                                result.byStatus()
                                        .computeIfAbsent(rs.getString(3), k -> new ComplaintFigures.Counts()))) {
                            counts.add(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
                        }
                        return 0;
                    })
                    .list();
            var times = where.bind(handle.createQuery("""
                            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response),
                                   percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response), count(first_response),
                                   percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution),
                                   percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution), count(resolution)
                            FROM (SELECT date_part('epoch', (SELECT min(e.occurred_at) FROM complaint_events e
                                                             WHERE e.complaint_id = c.id
                                                               AND e.to_status IN ('in_progress', 'resolved')) - c.created_at) / 60
                                             AS first_response,
                                         date_part('epoch', c.resolved_at - c.created_at) / 60 AS resolution
                                  FROM complaints c WHERE %s) t""".formatted(where.sql())))
                    .map((rs, ctx) -> new ComplaintFigures.Times(
                            ComplaintFigures.number(rs.getObject(1)),
                            ComplaintFigures.number(rs.getObject(2)),
                            rs.getLong(3),
                            ComplaintFigures.number(rs.getObject(4)),
                            ComplaintFigures.number(rs.getObject(5)),
                            rs.getLong(6)))
                    .one();
            return new ComplaintFigures.Period(
                    result.total(), result.byCategory(), result.byStatus(), result.byTier(), times);
        });
    }

    static String describe(ComplaintFigures.Period period) {
        var text = new StringBuilder("total ")
                .append(describe(period.total()))
                .append(' ')
                .append(period.times());
        period.byTier()
                .forEach((k, v) -> text.append("\ntier=").append(k).append(' ').append(describe(v)));
        period.byCategory()
                .forEach((k, v) ->
                        text.append("\ncategory=").append(k).append(' ').append(describe(v)));
        period.byStatus()
                .forEach(
                        (k, v) -> text.append("\nstatus=").append(k).append(' ').append(describe(v)));
        return text.toString();
    }

    static String describe(ComplaintFigures.Counts counts) {
        return counts.complaints + "/" + counts.breached + "/" + counts.followedUp + "/" + counts.reopened + "/"
                + counts.recovered;
    }
}
