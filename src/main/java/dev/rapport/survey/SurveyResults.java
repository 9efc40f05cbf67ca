package dev.rapport.survey;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The figures of one survey, overall and by tier (the customer's tier when they answered):
 * response rate, CSAT average and distribution, NPS with promoters, passives and detractors, CES
 * average. Answers of unfinished responses count too (partial answers are kept); skipped questions
 * do not. Read-only. Stateless; thread-safe.
 */
public final class SurveyResults {

    static final String ALL = "all";

    /** Responses and invitations of one tier: how many customers the survey reached, how many completed it. */
    record Reach(String tier, long reached, long completed) {}

    /** How many answers of one question type gave one score, in one tier. */
    record Scores(String tier, String questionType, int score, int answers) {}

    /**
     * One column of the results: all customers, or one tier. The counts are indexed by score: 1..5
     * for CSAT, 0..10 for NPS, 1..7 for CES.
     */
    public record Figures(long reached, long completed, int[] csatCounts, int[] npsCounts, int[] cesCounts) {

        /** Completed responses per survey shown or campaign invitation sent; NaN when none. */
        public double responseRate() {
            return reached == 0 ? Double.NaN : (double) completed / reached;
        }

        public double csatAverage() {
            return average(csatCounts);
        }

        public double cesAverage() {
            return average(cesCounts);
        }

        public long promoters() {
            return npsCounts[9] + npsCounts[10];
        }

        public long passives() {
            return npsCounts[7] + npsCounts[8];
        }

        public long detractors() {
            long count = 0;
            for (int score = 0; score <= 6; score++) {
                count += npsCounts[score];
            }
            return count;
        }

        /** Percentage of promoters minus percentage of detractors, -100 to 100; NaN without answers. */
        public double nps() {
            long answers = promoters() + passives() + detractors();
            return answers == 0 ? Double.NaN : 100.0 * (promoters() - detractors()) / answers;
        }

        private static double average(int[] counts) {
            long sum = 0;
            long answers = 0;
            for (int score = 0; score < counts.length; score++) {
                sum += (long) score * counts[score];
                answers += counts[score];
            }
            return answers == 0 ? Double.NaN : (double) sum / answers;
        }
    }

    private SurveyResults() {}

    /** Figures of survey {@code surveyId} for responses started (and invitations sent) since {@code since} (null: all). */
    public static Map<String, Figures> compute(Jdbi jdbi, String surveyId, OffsetDateTime since) {
        OffsetDateTime from = since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since;
        Map<String, long[]> counts = new LinkedHashMap<>(); // tier → {reached, completed}
        Map<String, int[][]> scores = new LinkedHashMap<>(); // tier → csat, nps, ces counts by score
        for (String tier : columns()) {
            counts.put(tier, new long[2]);
            scores.put(tier, new int[][] {new int[6], new int[11], new int[8]});
        }
        jdbi.useHandle(handle -> {
            handle.createQuery("""
                            SELECT tier, count(*) AS reached, count(*) FILTER (WHERE status = 'completed') AS completed
                            FROM survey_responses WHERE survey_id = :survey AND started_at >= :since GROUP BY tier
                            UNION ALL
                            SELECT i.tier, count(*), 0 FROM survey_invitations i
                            WHERE i.survey_id = :survey AND i.invited_at >= :since
                              AND NOT EXISTS (SELECT 1 FROM survey_responses r
                                              WHERE r.survey_id = i.survey_id AND r.customer_id = i.customer_id
                                                AND r.trigger = 'campaign:' || i.campaign)
                            GROUP BY i.tier""")
                    .bind("survey", surveyId)
                    .bind("since", from)
                    .map(ConstructorMapper.of(Reach.class))
                    .forEach(row -> {
                        for (String column : List.of(ALL, row.tier())) {
                            counts.get(column)[0] += row.reached();
                            counts.get(column)[1] += row.completed();
                        }
                    });
            handle.createQuery("""
                            SELECT r.tier, a.question_type, a.score, count(*) AS answers
                            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                            WHERE r.survey_id = :survey AND r.started_at >= :since AND NOT a.skipped
                              AND a.score IS NOT NULL
                            GROUP BY r.tier, a.question_type, a.score""")
                    .bind("survey", surveyId)
                    .bind("since", from)
                    .map(ConstructorMapper.of(Scores.class))
                    .forEach(row -> {
                        int type = switch (row.questionType()) {
                            case "csat" -> 0;
                            case "nps" -> 1;
                            default -> 2;
                        };
                        for (String column : List.of(ALL, row.tier())) {
                            scores.get(column)[type][row.score()] += row.answers();
                        }
                    });
        });
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String column : columns()) {
            int[][] byType = scores.get(column);
            figures.put(
                    column, new Figures(counts.get(column)[0], counts.get(column)[1], byType[0], byType[1], byType[2]));
        }
        return figures;
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(ALL));
        columns.addAll(dev.rapport.domain.Tier.codes());
        return columns;
    }

    /** Writes the figures as a table: one row per figure, one column per tier. */
    /**
     * Writes the figures as a table: one row per figure, one column per tier, with the words of
     * {@code labels} (keys {@code survey.*}); {@code period} is already in the reader's words.
     */
    public static void print(
            String surveyId,
            String period,
            Map<String, Figures> figures,
            PrintWriter out,
            dev.rapport.store.Labels labels) {
        out.println(labels.get("survey.title", surveyId, period));
        var header = new ArrayList<String>();
        header.add("");
        figures.keySet().forEach(column -> header.add(labels.get("survey.column." + column)));
        var table = dev.rapport.store.TextTable.of(header);
        for (int column = 1; column < header.size(); column++) {
            table.right(column);
        }
        row(table, figures, labels.get("survey.reached"), f -> String.valueOf(f.reached()));
        row(table, figures, labels.get("survey.completed"), f -> String.valueOf(f.completed()));
        row(table, figures, labels.get("survey.response_rate"), f -> percent(f.responseRate()));
        row(table, figures, labels.get("survey.csat_answers"), f -> String.valueOf(total(f.csatCounts())));
        row(table, figures, labels.get("survey.csat_average"), f -> decimal(f.csatAverage()));
        for (int score = 1; score <= 5; score++) {
            int at = score;
            row(table, figures, labels.get("survey.csat_score", score), f -> String.valueOf(f.csatCounts()[at]));
        }
        row(table, figures, labels.get("survey.nps_answers"), f -> String.valueOf(total(f.npsCounts())));
        row(
                table,
                figures,
                labels.get("survey.nps"),
                f -> Double.isNaN(f.nps()) ? "-" : String.format(Locale.ROOT, "%+.1f", f.nps()));
        row(table, figures, labels.get("survey.promoters"), f -> String.valueOf(f.promoters()));
        row(table, figures, labels.get("survey.passives"), f -> String.valueOf(f.passives()));
        row(table, figures, labels.get("survey.detractors"), f -> String.valueOf(f.detractors()));
        row(table, figures, labels.get("survey.ces_answers"), f -> String.valueOf(total(f.cesCounts())));
        row(table, figures, labels.get("survey.ces_average"), f -> decimal(f.cesAverage()));
        table.print(out);
    }

    private static void row(
            dev.rapport.store.TextTable table,
            Map<String, Figures> figures,
            String label,
            Function<Figures, String> value) {
        var cells = new ArrayList<Object>();
        cells.add(label);
        figures.values().forEach(f -> cells.add(value.apply(f)));
        table.row(cells.toArray());
    }

    private static long total(int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
