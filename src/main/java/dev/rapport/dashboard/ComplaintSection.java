package dev.rapport.dashboard;

import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Complaints section: volume, times, SLA, reopen and recovery figures, charts and the tier table. Stateless. */
final class ComplaintSection {

    private ComplaintSection() {}

    static Markup render(View view, Filter filter, ComplaintFigures.Comparison comparison) {
        ComplaintFigures.Period now = comparison.now();
        ComplaintFigures.Period before = comparison.before();
        String q = filter.query();
        String tickets = SurveySection.rows("tickets", q, "");
        var cards = Markup.of(
                "<div class=\"cards\">{}{}{}{}{}{}{}{}</div>",
                SurveySection.card(
                        view,
                        "complaints",
                        String.valueOf(now.total().complaints),
                        String.valueOf(before.total().complaints),
                        tickets,
                        "complaints"),
                SurveySection.card(
                        view,
                        "first_response_median",
                        view.minutes(now.times().firstResponseMedian()),
                        view.minutes(before.times().firstResponseMedian()),
                        tickets,
                        "first-response-median"),
                SurveySection.card(
                        view,
                        "first_response_p90",
                        view.minutes(now.times().firstResponseP90()),
                        view.minutes(before.times().firstResponseP90()),
                        tickets,
                        "first-response-p90"),
                SurveySection.card(
                        view,
                        "resolution_median",
                        view.minutes(now.times().resolutionMedian()),
                        view.minutes(before.times().resolutionMedian()),
                        tickets,
                        "resolution-median"),
                SurveySection.card(
                        view,
                        "resolution_p90",
                        view.minutes(now.times().resolutionP90()),
                        view.minutes(before.times().resolutionP90()),
                        tickets,
                        "resolution-p90"),
                SurveySection.card(
                        view,
                        "sla_breach_rate",
                        View.percent(now.total().breachRate()),
                        View.percent(before.total().breachRate()),
                        SurveySection.rows("tickets", q, "breached=1"),
                        "sla-breach-rate"),
                SurveySection.card(
                        view,
                        "reopen_rate",
                        View.percent(now.total().reopenRate()),
                        View.percent(before.total().reopenRate()),
                        SurveySection.rows("tickets", q, "reopened=1"),
                        "reopen-rate"),
                SurveySection.card(
                        view,
                        "recoveries",
                        String.valueOf(now.total().recovered),
                        String.valueOf(before.total().recovered),
                        SurveySection.rows("tickets", q, "recovered=1"),
                        "recoveries"));
        var byCategory = Chart.bar("chart-complaint-categories");
        var categoryCounts = new ArrayList<Long>();
        for (String category : Filter.CATEGORIES) {
            byCategory.label(
                    view.word("category", category),
                    SurveySection.rows("tickets", filter.narrowed("category", category), ""));
            var counts = now.byCategory().get(category);
            categoryCounts.add(counts == null ? 0 : counts.complaints);
        }
        byCategory.series(view.t("fig.complaints"), categoryCounts, null);
        var byStatus = Chart.bar("chart-complaint-statuses");
        var statusCounts = new ArrayList<Long>();
        for (String status : List.of("open", "in_progress", "resolved", "reopened", "closed")) {
            byStatus.label(view.word("status", status), SurveySection.rows("tickets", q, "status=" + status));
            var counts = now.byStatus().get(status);
            statusCounts.add(counts == null ? 0 : counts.complaints);
        }
        byStatus.series(view.t("fig.complaints"), statusCounts, null);
        return Markup.of(
                """
                        <section class="block" id="complaints"><h2>{}</h2>{}<div class="charts">{}{}</div>{}{}
                        <p class="exports"><a href="{}">{}</a></p></section>""",
                view.t("section.complaints"),
                cards,
                byCategory.html(view.t("chart.complaint_categories")),
                byStatus.html(view.t("chart.complaint_statuses")),
                table(view, filter, "category", now.byCategory()),
                tierTable(view, filter, now.byTier(), before.byTier()),
                tickets.replace("/rows/tickets?", "/rows/tickets/csv?"),
                view.t("export.tickets"));
    }

    private static Markup table(
            View view, Filter filter, String dimension, Map<String, ComplaintFigures.Counts> counts) {
        var lines = new ArrayList<Markup>();
        counts.forEach((value, row) -> lines.add(Markup.of(
                "<tr><th>{}</th><td><a href=\"{}\">{}</a></td><td><a href=\"{}\">{}</a></td></tr>",
                view.word(dimension, value),
                SurveySection.rows("tickets", filter.narrowed(dimension, value), ""),
                row.complaints,
                SurveySection.rows("tickets", filter.narrowed(dimension, value), "breached=1"),
                row.breached)));
        return Markup.of(
                "<table class=\"figures\" id=\"complaints-by-{}\"><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>",
                dimension,
                view.t("by." + dimension),
                view.t("filter." + dimension),
                view.figure("complaints"),
                view.figure("sla_breached"),
                lines.isEmpty()
                        ? Markup.of("<tr><td colspan=\"3\" class=\"muted\">{}</td></tr>", view.t("empty.period"))
                        : Markup.join(lines));
    }

    private static Markup tierTable(
            View view,
            Filter filter,
            Map<String, ComplaintFigures.Counts> now,
            Map<String, ComplaintFigures.Counts> before) {
        var lines = new ArrayList<Markup>();
        for (String tier : Filter.TIERS) {
            var row = now.getOrDefault(tier, new ComplaintFigures.Counts());
            var earlier = before.getOrDefault(tier, new ComplaintFigures.Counts());
            String q = filter.narrowed("tier", tier);
            lines.add(Markup.of(
                    "<tr><th>{}</th><td><a href=\"{}\">{}</a></td><td><a href=\"{}\">{}</a> <span class=\"muted before\">{}</span></td>"
                            + "<td><a href=\"{}\">{}</a></td><td><a href=\"{}\">{}</a></td></tr>",
                    view.word("tier", tier),
                    SurveySection.rows("tickets", q, ""),
                    row.complaints,
                    SurveySection.rows("tickets", q, "breached=1"),
                    View.percent(row.breachRate()),
                    View.percent(earlier.breachRate()),
                    SurveySection.rows("tickets", q, "reopened=1"),
                    View.percent(row.reopenRate()),
                    SurveySection.rows("tickets", q, "recovered=1"),
                    row.recovered));
        }
        return Markup.of(
                "<table class=\"figures\" id=\"complaints-by-tier\"><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>",
                view.t("by.tier"),
                view.t("filter.tier"),
                view.figure("complaints"),
                view.figure("sla_breach_rate"),
                view.figure("reopen_rate"),
                view.figure("recoveries"),
                Markup.join(lines));
    }
}
