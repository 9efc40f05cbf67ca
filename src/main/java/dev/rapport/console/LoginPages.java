package dev.rapport.console;

import dev.rapport.domain.Language;
import dev.rapport.feature.PageRoute;
import dev.rapport.staff.AuditLog;
import dev.rapport.staff.LoginResult;
import dev.rapport.staff.StaffAccounts;
import dev.rapport.staff.StaffSession;
import dev.rapport.staff.StaffSessions;
import dev.rapport.web.StaffCookies;
import dev.rapport.web.page.Markup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Signing in and out, and each member's console language. The sign-in form carries a token from its
 * own cookie (the route table checks it like any change). Wrong name and wrong password read the
 * same; a locked account says until when. Thread-safe.
 */
final class LoginPages {

    static final String LOGIN = "/console/login";

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final Texts texts;
    private final ZoneId zone;

    LoginPages(StaffAccounts accounts, StaffSessions sessions, AuditLog audit, Texts texts, ZoneId zone) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.texts = texts;
        this.zone = zone;
    }

    List<PageRoute> routes() {
        return List.of(
                PageRoute.get(LOGIN, PageRoute.Access.PUBLIC, this::form),
                PageRoute.post(LOGIN, PageRoute.Access.PUBLIC, this::signIn),
                PageRoute.post("/console/logout", PageRoute.Access.ANY_STAFF, this::signOut),
                PageRoute.post("/console/language", PageRoute.Access.ANY_STAFF, this::language));
    }

    private void form(Context ctx, StaffSession session) {
        if (session != null) {
            ctx.redirect(next(ctx.queryParam("next")));
            return;
        }
        render(ctx, pageLanguage(ctx), null, "");
    }

    private void signIn(Context ctx, StaffSession session) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        Language language = pageLanguage(ctx);
        LoginResult result = accounts.login(name, password.toCharArray());
        if (result instanceof LoginResult.SignedIn signedIn) {
            StaffCookies.signIn(ctx, sessions.start(signedIn.member()));
            audit.record(signedIn.member().ref(), "staff.login", null, Map.of());
            ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        String error = result instanceof LoginResult.Locked locked
                ? texts.get(language, "login.locked", new View(null, language, texts, zone).when(locked.until()))
                : texts.get(language, "login.refused");
        ctx.status(HttpStatus.UNAUTHORIZED);
        render(ctx, language, error, name);
    }

    private void signOut(Context ctx, StaffSession session) {
        sessions.end(StaffCookies.sessionId(ctx));
        StaffCookies.signOut(ctx);
        audit.record(session.member().ref(), "staff.logout", null, Map.of());
        ctx.redirect(LOGIN, HttpStatus.SEE_OTHER);
    }

    private void language(Context ctx, StaffSession session) {
        Language chosen = Language.fromCode(ctx.formParam("language")).orElse(Language.EN);
        accounts.setLanguage(session.member().id(), chosen);
        audit.record(session.member().ref(), "staff.language", null, Map.of("language", chosen.code()));
        String back = ctx.header("Referer");
        String host = ctx.host();
        String path = "/console";
        if (back != null && host != null) {
            int at = back.indexOf(host);
            if (at >= 0 && back.startsWith("http")) {
                path = next(back.substring(at + host.length()));
            }
        }
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Language language, String error, String name) {
        String token = StaffCookies.loginToken(ctx);
        Language other = language == Language.EN ? Language.ZH : Language.EN;
        ctx.header("Cache-Control", "no-store");
        ctx.html(Markup.of(
                        """
                        <!doctype html>
                        <html lang="{}"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>{}</title><link rel="stylesheet" href="/assets/page.css"><link rel="stylesheet" href="/console/assets/console.css"></head>
                        <body class="login"><main class="card">
                        <h1>{}</h1>
                        {}
                        <form method="post" action="/console/login">
                        <input type="hidden" name="_csrf" value="{}">
                        <input type="hidden" name="next" value="{}">
                        <input type="hidden" name="lang" value="{}">
                        <label>{}<input name="name" id="name" autocomplete="username" required value="{}"></label>
                        <label>{}<input name="password" id="password" type="password" autocomplete="current-password" required></label>
                        <button type="submit" id="sign-in">{}</button>
                        </form>
                        <p class="hint"><a href="/console/login?lang={}">{}</a></p>
                        </main></body></html>""",
                        language == Language.ZH ? "zh-CN" : "en",
                        texts.get(language, "login.title"),
                        texts.get(language, "login.title"),
                        error == null
                                ? Markup.EMPTY
                                : Markup.of("<p class=\"error\" role=\"alert\" id=\"login-error\">{}</p>", error),
                        token,
                        next(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")),
                        language.code(),
                        texts.get(language, "login.name"),
                        name,
                        texts.get(language, "login.password"),
                        texts.get(language, "login.submit"),
                        other.code(),
                        texts.get(other, "language.name"))
                .html());
    }

    /** Where to go after sign-in: a console path of this site only, never another site. */
    static String next(String wanted) {
        if (wanted == null
                || !wanted.startsWith("/console")
                || wanted.startsWith("//")
                || wanted.contains("\\")
                || wanted.startsWith(LOGIN)) {
            return "/console";
        }
        return wanted;
    }

    private static Language pageLanguage(Context ctx) {
        String chosen = ctx.queryParam("lang") != null ? ctx.queryParam("lang") : ctx.formParam("lang");
        if (chosen != null) {
            return Language.fromCode(chosen).orElse(Language.EN);
        }
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? Language.ZH : Language.EN;
    }
}
