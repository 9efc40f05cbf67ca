package dev.rapport.console;

import dev.rapport.domain.Language;
import dev.rapport.staff.Role;
import dev.rapport.web.page.Markup;

/**
 * The console's frame: a top bar (search, the member, language, sign out) over three panes in the
 * shape agents know — the queue on the left, the conversation in the middle, the customer on the
 * right. Below 800 px the panes stack. Stateless.
 */
final class Layout {

    private Layout() {}

    static Markup page(View view, String title, String query, Markup left, Markup middle, Markup right) {
        return Markup.of(
                """
                        <!doctype html>
                        <html lang="{}"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>{}</title>
                        <link rel="stylesheet" href="/assets/page.css">
                        <link rel="stylesheet" href="/console/assets/console.css">
                        <script src="/console/assets/console.js" defer></script></head>
                        <body data-csrf="{}" data-title="{}" data-notify="{}" data-notify-alert="{}">
                        {}
                        <main class="panes"><aside class="pane queue" id="queue">{}</aside>
                        <section class="pane conversation" id="conversation">{}</section>
                        <aside class="pane customer" id="customer">{}</aside></main>
                        </body></html>""",
                view.htmlLang(),
                title,
                view.session.csrfToken(),
                title,
                view.t("notify.new_handoff"),
                view.t("alerts.notify"),
                topBar(view, query),
                left,
                middle,
                right);
    }

    /** A page with one wide column (audit log, staff accounts). */
    static Markup single(View view, String title, Markup body) {
        return Markup.of("""
                        <!doctype html>
                        <html lang="{}"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>{}</title>
                        <link rel="stylesheet" href="/assets/page.css">
                        <link rel="stylesheet" href="/console/assets/console.css">
                        <script src="/console/assets/console.js" defer></script></head>
                        <body data-csrf="{}" data-title="{}">{}<main class="single">{}</main></body></html>""", view.htmlLang(), title, view.session.csrfToken(), title, topBar(view, ""), body);
    }

    private static Markup topBar(View view, String query) {
        Language other = view.language == Language.EN ? Language.ZH : Language.EN;
        Markup links = Markup.EMPTY;
        if (view.is(Role.MANAGER) || view.is(Role.ADMIN)) {
            links = Markup.of("{}<a href=\"/console/audit\">{}</a>", links, view.t("nav.audit"));
        }
        if (view.is(Role.ADMIN)) {
            links = Markup.of("{}<a href=\"/console/staff\">{}</a>", links, view.t("nav.staff"));
        }
        return Markup.of(
                """
                        <header class="top"><a class="brand" href="/console">{}</a>
                        <form class="search" action="/console/search" method="get" role="search">
                        <input type="search" name="q" value="{}" placeholder="{}" aria-label="{}">
                        <button type="submit">{}</button></form>
                        <nav>{}<span class="who">{} · {}</span>
                        <form method="post" action="/console/language">{}<input type="hidden" name="language" value="{}">
                        <button type="submit" class="link" id="switch-language">{}</button></form>
                        <form method="post" action="/console/logout">{}<button type="submit" class="link" id="logout">{}</button></form>
                        </nav></header>""",
                view.t("brand"),
                query,
                view.t("search.placeholder"),
                view.t("search.placeholder"),
                view.t("search.go"),
                links,
                view.session.member().name(),
                view.t("role." + view.session.member().role().code()),
                view.csrf(),
                other.code(),
                view.t("language.switch"),
                view.csrf(),
                view.t("nav.logout"));
    }
}
