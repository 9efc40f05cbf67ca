package dev.rapport.dashboard;

import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The People, Offers and win-back, and Tiers sections, and the alerts at the top. Stateless. */
final class TeamAndCustomerSections {

    private TeamAndCustomerSections() {}

    static Markup alerts(View view, List<Alerts.Alert> alerts) {
        if (alerts.isEmpty()) {
            return Markup.of(
                    "<section class=\"alerts calm\" id=\"alerts\"><p>{}</p></section>",
                    view.t("alerts.none", Alerts.DAYS));
        }
        var items = new ArrayList<Markup>();
        for (Alerts.Alert alert : alerts) {
            items.add(Markup.of(
                    "<li><a href=\"/dashboard/transcripts/{}?answer={}\"><b>{}</b></a> · {} · {} {} · {} · <span class=\"muted\">{}</span></li>",
                    alert.customerId(),
                    alert.answerId(),
                    alert.customer() == null ? "#" + alert.customerId() : alert.customer(),
                    view.word("tier", alert.tier()),
                    alert.type().toUpperCase(java.util.Locale.ROOT),
                    alert.score(),
                    alert.survey(),
                    view.when(alert.at())));
        }
        return Markup.of(
                "<section class=\"alerts\" id=\"alerts\" role=\"status\"><h2>{}</h2><ul>{}</ul></section>",
                view.t("alerts.title", Alerts.DAYS),
                Markup.join(items));
    }

    static Markup people(View view, Filter filter, Optional<PeopleFigures.Result> result) {
        if (result.isEmpty()) {
            return Markup.of(
                    "<section class=\"block\" id=\"people\"><h2>{}</h2><p class=\"muted\">{}</p></section>",
                    view.t("section.people"),
                    view.t("people.no_data"));
        }
        String q = filter.query();
        var reasons = new ArrayList<Markup>();
        for (var row : result.get().reasons()) {
            reasons.add(Markup.of(
                    "<tr><th>{}</th><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                    view.word("reason", row.reason()),
                    SurveySection.rows("handoffs", q, "reason=" + enc(row.reason())),
                    row.handoffs(),
                    view.minutes(row.waitingMedian()),
                    view.minutes(row.firstResponseMedian())));
        }
        var agents = new ArrayList<Markup>();
        for (var row : result.get().agents()) {
            agents.add(Markup.of(
                    "<tr><th>{}</th><td><a href=\"{}\">{}</a></td><td>{}</td><td>{} <span class=\"muted\">({})</span></td></tr>",
                    row.agent(),
                    SurveySection.rows("handoffs", q, "agent=" + enc(row.agent())),
                    row.handoffs(),
                    view.minutes(row.firstResponseMedian()),
                    View.decimal(row.csatMean()),
                    row.csatAnswers()));
        }
        return Markup.of(
                """
                        <section class="block" id="people"><h2>{}</h2>
                        <table class="figures" id="handoffs-by-reason"><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>
                        <table class="figures" id="handoffs-by-agent"><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>
                        <p class="exports"><a href="{}">{}</a></p></section>""",
                view.t("section.people"),
                view.t("by.reason"),
                view.t("col.reason"),
                view.figure("handoffs"),
                view.figure("waiting_median"),
                view.figure("handoff_first_response"),
                empty(view, reasons, 4),
                view.t("by.agent"),
                view.t("col.agent"),
                view.figure("handoffs"),
                view.figure("handoff_first_response"),
                view.figure("agent_csat"),
                empty(view, agents, 4),
                SurveySection.rows("handoffs", q, "").replace("/rows/handoffs?", "/rows/handoffs/csv?"),
                view.t("export.handoffs"));
    }

    static Markup offers(View view, Filter filter, OfferFigures.Result result) {
        String q = filter.query();
        var offerRows = new ArrayList<Markup>();
        for (var row : result.offers()) {
            String narrow = "offer=" + enc(row.offer());
            String tierQuery = filter.narrowed("tier", row.tier());
            offerRows.add(Markup.of(
                    "<tr><th>{}</th><td>{}</td><td><a href=\"{}\">{}</a></td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                    row.offer(),
                    view.word("tier", row.tier()),
                    SurveySection.rows("offers", tierQuery, narrow),
                    row.issued(),
                    SurveySection.rows("offers", tierQuery, narrow + "&redeemed=1"),
                    row.redeemed(),
                    View.percent(row.conversion()),
                    row.budgetUsed()));
        }
        var sends = new ArrayList<Markup>();
        result.campaignSends().forEach((offer, count) -> sends.add(Markup.of("<li>{}: {}</li>", offer, count)));
        var winback = Chart.bar("chart-winback").stacked();
        var reasons = new ArrayList<String>(result.winbackByReason().keySet());
        for (String reason : reasons) {
            winback.label(view.word("reason", reason), SurveySection.rows("winback", q, "reason=" + enc(reason)));
        }
        for (String outcome : List.of("won_back", "lost", "open")) {
            var values = new ArrayList<Long>();
            var links = new ArrayList<String>();
            for (String reason : reasons) {
                values.add(result.winbackByReason().get(reason).count(outcome));
                links.add(SurveySection.rows("winback", q, "reason=" + enc(reason) + "&outcome=" + outcome));
            }
            winback.series(view.word("outcome", outcome), values, links);
        }
        var reasonRows = new ArrayList<Markup>();
        result.winbackByReason()
                .forEach((reason, cases) -> reasonRows.add(rateRow(
                        view,
                        view.word("reason", reason),
                        cases,
                        SurveySection.rows("winback", q, "reason=" + enc(reason)))));
        var tierRows = new ArrayList<Markup>();
        result.winbackByTier()
                .forEach((tier, cases) -> tierRows.add(rateRow(
                        view,
                        view.word("tier", tier),
                        cases,
                        SurveySection.rows("winback", filter.narrowed("tier", tier), ""))));
        String rateHeader = "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>";
        return Markup.of(
                """
                        <section class="block" id="offers"><h2>{}</h2>
                        <table class="figures" id="offers-by-tier"><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>
                        <p>{}</p><ul class="plain">{}</ul>
                        <div class="charts">{}</div>
                        <table class="figures" id="winback-by-reason"><caption>{}</caption>{}{}</table>
                        <table class="figures" id="winback-by-tier"><caption>{}</caption>{}{}</table>
                        <p class="exports"><a href="{}">{}</a> · <a href="{}">{}</a></p></section>""",
                view.t("section.offers"),
                view.t("by.offer"),
                view.t("col.offer"),
                view.t("col.tier"),
                view.figure("issued"),
                view.figure("redeemed"),
                view.figure("conversion"),
                view.figure("budget_used"),
                empty(view, offerRows, 6),
                view.figure("campaign_sends"),
                sends.isEmpty() ? Markup.of("<li class=\"muted\">{}</li>", view.t("empty.period")) : Markup.join(sends),
                winback.html(view.t("chart.winback")),
                view.t("by.reason"),
                header(view, rateHeader, "col.reason"),
                empty(view, reasonRows, 6),
                view.t("by.tier"),
                header(view, rateHeader, "col.tier"),
                empty(view, tierRows, 6),
                SurveySection.rows("offers", q, "").replace("/rows/offers?", "/rows/offers/csv?"),
                view.t("export.offers"),
                SurveySection.rows("winback", q, "").replace("/rows/winback?", "/rows/winback/csv?"),
                view.t("export.winback"));
    }

    static Markup tiers(View view, Filter filter, TierFigures.Result result) {
        var chart = Chart.bar("chart-tiers");
        var counts = new ArrayList<Long>();
        var rows = new ArrayList<Markup>();
        for (var row : result.tiers()) {
            String link = SurveySection.rows("customers", filter.narrowed("tier", row.tier()), "");
            chart.label(view.word("tier", row.tier()), link);
            counts.add(row.customers());
            rows.add(Markup.of(
                    "<tr><th>{}</th><td><a href=\"{}\">{}</a></td><td>{}</td></tr>",
                    view.word("tier", row.tier()),
                    link,
                    row.customers(),
                    row.value()));
        }
        chart.series(view.t("fig.customers"), counts, null);
        var moves = new ArrayList<Markup>();
        for (var move : result.movements()) {
            var period = java.time.YearMonth.parse(move.month());
            Filter month = filter.period(max(period.atDay(1), filter.from()), min(period.atEndOfMonth(), filter.to()));
            moves.add(Markup.of(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a></td></tr>",
                    move.month(),
                    view.word("tier", move.fromTier()),
                    view.word("tier", move.toTier()),
                    SurveySection.rows(
                            "movements", month.query(), "from_tier=" + move.fromTier() + "&to_tier=" + move.toTier()),
                    move.customers()));
        }
        return Markup.of(
                """
                        <section class="block" id="tiers"><h2>{}</h2><div class="charts">{}</div>
                        <table class="figures" id="tier-customers"><tr><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>
                        <table class="figures" id="tier-movements"><caption>{}</caption><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>{}</table>
                        </section>""",
                view.t("section.tiers"),
                chart.html(view.t("chart.tiers")),
                view.t("col.tier"),
                view.figure("customers"),
                view.figure("value_12m"),
                Markup.join(rows),
                view.figure("movements"),
                view.t("col.month"),
                view.t("col.from_tier"),
                view.t("col.to_tier"),
                view.t("fig.customers"),
                empty(view, moves, 4));
    }

    private static Markup rateRow(View view, String label, OfferFigures.Cases cases, String link) {
        return Markup.of(
                "<tr><th>{}</th><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                label,
                link,
                cases.total(),
                cases.count("won_back"),
                cases.count("lost"),
                cases.count("open"),
                View.percent(cases.wonBackRate()));
    }

    private static Markup header(View view, String template, String first) {
        return Markup.of(
                template,
                view.t(first),
                view.figure("winback_cases"),
                view.word("outcome", "won_back"),
                view.word("outcome", "lost"),
                view.word("outcome", "open"),
                view.figure("won_back_rate"));
    }

    private static Markup empty(View view, List<Markup> rows, int columns) {
        return rows.isEmpty()
                ? Markup.of("<tr><td colspan=\"{}\" class=\"muted\">{}</td></tr>", columns, view.t("empty.period"))
                : Markup.join(rows);
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static java.time.LocalDate max(java.time.LocalDate a, java.time.LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static java.time.LocalDate min(java.time.LocalDate a, java.time.LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
