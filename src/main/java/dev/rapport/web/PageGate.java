package dev.rapport.web;

import dev.rapport.feature.PageRoute;
import dev.rapport.staff.StaffSession;
import dev.rapport.staff.StaffSessions;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What every {@link PageRoute} passes before its handler: security headers, the session, the role,
 * and the CSRF token on a state change. One place, so no route can forget a check. Stateless apart
 * from the session store; thread-safe.
 */
final class PageGate {

    static final String LOGIN_PATH = "/console/login";
    private static final String POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final StaffSessions sessions;

    PageGate(StaffSessions sessions) {
        this.sessions = sessions;
    }

    void handle(PageRoute route, Context ctx) throws Exception {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        Optional<StaffSession> session = sessions.find(StaffCookies.sessionId(ctx));
        if (route.access() instanceof PageRoute.Roles roles) {
            ctx.header("Cache-Control", "no-store");
            if (session.isEmpty()) {
                if (route.method().changesState()) {
                    ctx.status(HttpStatus.UNAUTHORIZED).result("Sign in first: " + LOGIN_PATH);
                } else {
                    ctx.redirect(
                            LOGIN_PATH + "?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8),
                            HttpStatus.FOUND);
                }
                return;
            }
            if (!roles.allowed().contains(session.get().member().role())) {
                ctx.status(HttpStatus.FORBIDDEN)
                        .result("Your role (" + session.get().member().role().code() + ") does not open this page.");
                return;
            }
        }
        if (route.method().changesState() && !csrfValid(ctx, session)) {
            ctx.status(HttpStatus.FORBIDDEN)
                    .result("The form's security token is missing or out of date: " + "reload the page and try again.");
            return;
        }
        route.handler().handle(ctx, session.orElse(null));
    }

    private static boolean csrfValid(Context ctx, Optional<StaffSession> session) {
        String given = ctx.header(PageRoute.CSRF_HEADER);
        if (given == null) {
            given = ctx.formParam(PageRoute.CSRF_FIELD);
        }
        String expected = session.map(StaffSession::csrfToken).orElseGet(() -> ctx.cookie(StaffCookies.LOGIN_CSRF));
        return given != null
                && expected != null
                && !expected.isEmpty()
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
