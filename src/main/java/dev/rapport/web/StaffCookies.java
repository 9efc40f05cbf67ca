package dev.rapport.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The cookies of staff pages: the session id, and before sign-in the token the sign-in form sends
 * back (double submit, so a foreign page cannot sign a browser in under another account). Both
 * HttpOnly and SameSite=Lax, and Secure when the request came over HTTPS, directly or through a proxy
 * that says so in {@code X-Forwarded-Proto}. Stateless; thread-safe.
 */
public final class StaffCookies {

    public static final String SESSION = "rapport_staff";
    static final String LOGIN_CSRF = "rapport_login_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffCookies() {}

    public static String sessionId(Context ctx) {
        return ctx.cookie(SESSION);
    }

    /** Sets the session cookie (a browser-session cookie: it goes when the browser closes, or the session expires). */
    public static void signIn(Context ctx, String sessionId) {
        set(ctx, SESSION, sessionId, -1);
        set(ctx, LOGIN_CSRF, "", 0);
    }

    public static void signOut(Context ctx) {
        set(ctx, SESSION, "", 0);
    }

    /** The token the sign-in form carries; made and set as a cookie on the first visit. */
    public static String loginToken(Context ctx) {
        String existing = ctx.cookie(LOGIN_CSRF);
        if (existing != null && existing.length() == 43) {
            return existing;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        set(ctx, LOGIN_CSRF, token, -1);
        return token;
    }

    static boolean overHttps(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(ctx.scheme())
                || (forwarded != null
                        && forwarded.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https"));
    }

    private static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        var cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (overHttps(ctx)) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }
}
