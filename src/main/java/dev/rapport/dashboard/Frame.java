package dev.rapport.dashboard;

import dev.rapport.feature.PageRoute;
import dev.rapport.web.page.Markup;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's frame: a top bar (the product, the console, the member) over one wide column, and
 * the filter form every view starts with — a plain GET form, so the view's URL is its filter and can
 * be shared. Stateless.
 */
final class Frame {

    private Frame() {}

    static Markup page(View view, String title, Markup body) {
        return Markup.of(
                """
                        <!doctype html>
                        <html lang="{}"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>{}</title>
                        <link rel="stylesheet" href="/assets/page.css">
                        <link rel="stylesheet" href="/dashboard/assets/dashboard.css">
                        <script src="/dashboard/assets/chart.umd.js" defer></script>
                        <script src="/dashboard/assets/dashboard.js" defer></script></head>
                        <body data-csrf="{}">
                        <header class="top"><a class="brand" href="/dashboard">{}</a>
                        <nav><a href="/console">{}</a><span class="who">{} · {}</span>
                        <form method="post" action="/console/logout"><input type="hidden" name="{}" value="{}">
                        <button type="submit" class="link" id="logout">{}</button></form></nav></header>
                        <main class="single">{}{}</main></body></html>""",
                view.htmlLang(),
                title,
                view.session.csrfToken(),
                view.t("brand"),
                view.t("nav.console"),
                view.session.member().name(),
                view.t("role." + view.session.member().role().code()),
                PageRoute.CSRF_FIELD,
                view.session.csrfToken(),
                view.t("nav.logout"),
                body,
                view.footnotes());
    }

    /** The filter form, its period presets, and hidden fields for the drill-down parameters of a row page. */
    static Markup filters(View view, String action, Filter filter, List<String> surveys, Markup hidden) {
        var presets = new ArrayList<Markup>();
        for (int days : new int[] {7, 30, 90, 365}) {
            Filter preset = filter.period(filter.to().minusDays(days - 1), filter.to());
            presets.add(Markup.of(
                    "<a class=\"preset\" href=\"{}?{}\">{}</a>",
                    action,
                    preset.query(),
                    view.t("filter.last_days", days)));
        }
        return Markup.of(
                """
                        <form class="filters" method="get" action="{}" id="filters">{}
                        <label>{} <input type="date" name="from" value="{}"></label>
                        <label>{} <input type="date" name="to" value="{}"></label>
                        {}{}{}{}{}
                        <button type="submit" id="apply-filters">{}</button>
                        <span class="presets">{}</span>
                        <span class="muted">{}</span></form>""",
                action,
                hidden,
                view.t("filter.from"),
                filter.from(),
                view.t("filter.to"),
                filter.to(),
                choices(view, "tier", "tier", Filter.TIERS, filter.tiers()),
                choices(view, "channel", "channel", Filter.CHANNELS, filter.channels()),
                choices(view, "language", "language", Filter.LANGUAGES, filter.languages()),
                choices(view, "survey", "survey", surveys, filter.surveys()),
                choices(view, "category", "category", Filter.CATEGORIES, filter.categories()),
                view.t("filter.apply"),
                Markup.join(presets),
                view.t(
                        "filter.compared",
                        filter.previous().from(),
                        filter.previous().to()));
    }

    private static Markup choices(View view, String name, String group, List<String> values, List<String> chosen) {
        var boxes = new ArrayList<Markup>();
        for (String value : values) {
            boxes.add(Markup.of(
                    "<label class=\"choice\"><input type=\"checkbox\" name=\"{}\" value=\"{}\"{}> {}</label>",
                    name,
                    value,
                    chosen.contains(value) ? Markup.of(" checked") : Markup.EMPTY,
                    view.word(group, value)));
        }
        return Markup.of("<fieldset><legend>{}</legend>{}</fieldset>", view.t("filter." + name), Markup.join(boxes));
    }
}
