package dev.rapport.dashboard;

import dev.rapport.web.page.Markup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The Surveys section: headline figures against the previous period, charts, and each breakdown. Stateless. */
final class SurveySection {

    private SurveySection() {}

    static String rows(String set, String filterQuery, String narrow) {
        return "/dashboard/rows/" + set + "?" + filterQuery + (narrow.isEmpty() ? "" : "&" + narrow);
    }

    static Markup render(View view, Filter filter, SurveyFigures.Result result) {
        Scores now = result.total().now();
        Scores before = result.total().before();
        String q = filter.query();
        var cards = Markup.of(
                "<div class=\"cards\">{}{}{}{}{}{}</div>",
                card(
                        view,
                        "csat_share",
                        View.percent(now.csatShare()),
                        View.percent(before.csatShare()),
                        rows("answers", q, "type=csat"),
                        "csat-share"),
                card(
                        view,
                        "csat_mean",
                        View.decimal(now.csatMean()),
                        View.decimal(before.csatMean()),
                        rows("answers", q, "type=csat"),
                        "csat-mean"),
                card(
                        view,
                        "nps",
                        View.signed(now.nps()),
                        View.signed(before.nps()),
                        rows("answers", q, "type=nps"),
                        "nps"),
                card(
                        view,
                        "ces_mean",
                        cesMeans(now, cesScales(now, before)),
                        cesMeans(before, cesScales(now, before)),
                        rows("answers", q, "type=ces"),
                        "ces-mean"),
                card(
                        view,
                        "response_rate",
                        View.percent(now.responseRate()),
                        View.percent(before.responseRate()),
                        rows("answers", q, ""),
                        "response-rate"),
                card(
                        view,
                        "answers",
                        String.valueOf(now.csatAnswers() + now.npsAnswers() + now.cesAnswers()),
                        String.valueOf(before.csatAnswers() + before.npsAnswers() + before.cesAnswers()),
                        rows("answers", q, ""),
                        "answers"));
        var csat = Chart.bar("chart-csat");
        var csatCounts = new ArrayList<Long>();
        var csatRows = new ArrayList<Markup>();
        for (int score = 1; score <= 5; score++) {
            String link = rows("answers", q, "type=csat&min=" + score + "&max=" + score);
            csat.label(String.valueOf(score), link);
            csatCounts.add(now.csat[score]);
            csatRows.add(Markup.of(
                    "<td><a href=\"{}\" class=\"drill\" data-figure=\"csat-{}\">{}</a></td>",
                    link,
                    score,
                    now.csat[score]));
        }
        csat.series(view.t("fig.csat_answers"), csatCounts, null);
        var nps = Chart.bar("chart-nps");
        String[][] groups = {{"detractors", "0", "6"}, {"passives", "7", "8"}, {"promoters", "9", "10"}};
        long[] groupCounts = {now.detractors(), now.passives(), now.promoters()};
        var npsCells = new ArrayList<Markup>();
        for (int i = 0; i < groups.length; i++) {
            String link = rows("answers", q, "type=nps&min=" + groups[i][1] + "&max=" + groups[i][2]);
            nps.label(view.t("nps." + groups[i][0]), link);
            npsCells.add(Markup.of(
                    "<td><a href=\"{}\" class=\"drill\" data-figure=\"nps-{}\">{}</a> <span class=\"muted\">{}</span></td>",
                    link,
                    groups[i][0],
                    groupCounts[i],
                    now.npsAnswers() == 0 ? "" : View.percent((double) groupCounts[i] / now.npsAnswers())));
        }
        nps.series(view.t("fig.nps_answers"), List.of(groupCounts[0], groupCounts[1], groupCounts[2]), null);
        var trend = Chart.line("chart-nps-trend");
        var trendValues = new ArrayList<Double>();
        for (Map.Entry<LocalDate, Scores> week : result.weeks().entrySet()) {
            Filter weekFilter = filter.period(week.getKey(), week.getKey().plusDays(6));
            trend.label(week.getKey().toString(), rows("answers", weekFilter.query(), "type=nps"));
            trendValues.add(week.getValue().nps());
        }
        trend.series(view.t("fig.nps"), trendValues, null);
        var charts = Markup.of(
                """
                        <div class="charts">{}{}{}</div>
                        <table class="figures" id="csat-distribution"><caption>{}</caption><tr><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th></tr>
                        <tr>{}</tr></table>
                        <table class="figures" id="nps-groups"><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th></tr><tr>{}</tr></table>""",
                csat.html(view.t("chart.csat")),
                nps.html(view.t("chart.nps")),
                trend.html(view.t("chart.nps_trend")),
                view.figure("csat_distribution"),
                Markup.join(csatRows),
                view.figure("nps_groups"),
                view.t("nps.detractors"),
                view.t("nps.passives"),
                view.t("nps.promoters"),
                Markup.join(npsCells));
        var tables = new ArrayList<Markup>();
        for (String dimension : SurveyFigures.DIMENSIONS) {
            tables.add(breakdown(view, filter, dimension, result.by().get(dimension)));
        }
        return Markup.of(
                """
                        <section class="block" id="surveys"><h2>{}</h2>{}{}<h3>{}</h3>{}
                        <p class="exports"><a href="{}">{}</a></p></section>""",
                view.t("section.surveys"),
                cards,
                charts,
                view.t("surveys.breakdowns"),
                Markup.join(tables),
                rows("answers", q, "").replace("/rows/answers?", "/rows/answers/csv?"),
                view.t("export.answers"));
    }

    static Markup card(View view, String key, String value, String previous, String link, String id) {
        return Markup.of("""
                        <div class="card" id="card-{}"><div class="label">{}</div>
                        <div class="value"><a href="{}">{}</a></div>
                        <div class="muted">{}</div></div>""", id, view.figure(key), link, value, view.t("compare.previous", previous));
    }

    private static Markup breakdown(
            View view, Filter filter, String dimension, Map<String, SurveyFigures.Pair> values) {
        var lines = new ArrayList<Markup>();
        for (var entry : values.entrySet()) {
            Scores now = entry.getValue().now();
            Scores before = entry.getValue().before();
            String q = filter.narrowed(dimension, entry.getKey());
            lines.add(Markup.of(
                    "<tr><th><a href=\"/dashboard?{}\">{}</a></th>{}{}{}{}{}<td><a href=\"{}\">{}</a></td></tr>",
                    q,
                    view.word(dimension, entry.getKey()),
                    cell(now, before, Scores::csatShare, View::percent, rows("answers", q, "type=csat")),
                    cell(now, before, Scores::csatMean, View::decimal, rows("answers", q, "type=csat")),
                    cell(now, before, Scores::nps, View::signed, rows("answers", q, "type=nps")),
                    Markup.of(
                            "<td><a href=\"{}\">{}</a> <span class=\"muted before\">{}</span></td>",
                            rows("answers", q, "type=ces"),
                            cesMeans(now, cesScales(now, before)),
                            cesMeans(before, cesScales(now, before))),
                    cell(now, before, Scores::responseRate, View::percent, rows("answers", q, "")),
                    rows("answers", q, ""),
                    now.csatAnswers() + now.npsAnswers() + now.cesAnswers()));
        }
        if (lines.isEmpty()) {
            lines.add(Markup.of("<tr><td colspan=\"7\" class=\"muted\">{}</td></tr>", view.t("empty.period")));
        }
        return Markup.of(
                """
                        <table class="figures breakdown" id="surveys-by-{}"><caption>{}</caption>
                        <tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>""",
                dimension,
                view.t("by." + dimension),
                view.t("filter." + dimension),
                view.figure("csat_share"),
                view.figure("csat_mean"),
                view.figure("nps"),
                view.figure("ces_mean"),
                view.figure("response_rate"),
                view.figure("answers"),
                Markup.join(lines));
    }

    /** The CES scales answered on in either period, smallest first. */
    static List<Integer> cesScales(Scores now, Scores before) {
        return Scores.CES_SCALES.stream()
                .filter(scale -> now.cesAnswers(scale) + before.cesAnswers(scale) > 0)
                .toList();
    }

    /**
     * The CES mean on each of {@code scales}, marked with its scale ("5.50 (1–7)"); "—" when there is none.
     * Means on different scales are shown side by side, never averaged together.
     */
    static String cesMeans(Scores scores, List<Integer> scales) {
        if (scales.isEmpty()) {
            return "—";
        }
        return scales.stream()
                .map(scale -> View.decimal(scores.cesMean(scale)) + " (1–" + scale + ")")
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    private static Markup cell(
            Scores now,
            Scores before,
            ToDoubleFunction<Scores> figure,
            java.util.function.DoubleFunction<String> format,
            String link) {
        return Markup.of(
                "<td><a href=\"{}\">{}</a> <span class=\"muted before\">{}</span></td>",
                link,
                format.apply(figure.applyAsDouble(now)),
                format.apply(figure.applyAsDouble(before)));
    }
}
