package dev.rapport.channel.webchat;

import dev.rapport.config.RapportConfig;
import dev.rapport.web.live.LimitExceeded;
import dev.rapport.web.live.TokenBuckets;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Web chat sessions, issued by the server only. A session is 32 random bytes the browser keeps in an
 * HttpOnly, SameSite=Lax cookie (Secure over HTTPS), so it never appears in a URL and scripts cannot
 * read it. The chat key — what the inbox, the message log and live notices use — is derived from it
 * (SHA-256, 128 bits in hex) and is the only thing stored, in {@code webchat_sessions}; a cookie whose
 * key was never issued is not a session, so a client cannot choose its own.
 *
 * <p>New sessions are capped per address (a token bucket, per instance) and for all instances together
 * (issued in the last hour, counted in the database). Thread-safe.
 */
final class WebchatSessions {

    static final String COOKIE = "rapport_chat";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** The cookie's Max-Age, never renewed: after it the browser has dropped the session. */
    static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    private final Jdbi jdbi;
    private final RapportConfig.Webchat settings;
    private final TokenBuckets perAddress;
    private final SecureRandom random = new SecureRandom();

    WebchatSessions(Jdbi jdbi, RapportConfig.Webchat settings) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.perAddress = new TokenBuckets(
                settings.addressNewSessions().perMinute(),
                settings.addressNewSessions().burst());
    }

    /** The chat key of the request's session cookie, when it names a session this server issued. */
    Optional<String> chatKey(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String key = keyOf(token);
        boolean issued = jdbi.withHandle(
                handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM webchat_sessions WHERE chat_key = :key)")
                        .bind("key", key)
                        .mapTo(Boolean.class)
                        .one());
        return issued ? Optional.of(key) : Optional.empty();
    }

    /** Issues a new session to the request's browser (sets the cookie); returns its chat key. */
    String issue(Context ctx, String address) {
        Duration wait = perAddress.take(address);
        if (!wait.isZero()) {
            throw LimitExceeded.tooMany(
                    "address_new_sessions",
                    wait,
                    "too many new chats from your address; "
                            + "try again later (webchat.address_new_sessions_per_hour)");
        }
        long lastHour = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM webchat_sessions WHERE created_at > now() - interval '1 hour'")
                .mapTo(Long.class)
                .one());
        if (lastHour >= settings.newSessionsPerHour()) {
            throw LimitExceeded.full(
                    "new_sessions",
                    Duration.ofMinutes(5),
                    "the chat is taking no new "
                            + "conversations right now; try again in a few minutes (webchat.new_sessions_per_hour)");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String key = keyOf(token);
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO webchat_sessions (chat_key) VALUES (:key)")
                .bind("key", key)
                .execute());
        ctx.header(
                "Set-Cookie",
                COOKIE + "=" + token + "; Path=/chat; Max-Age=" + COOKIE_LIFETIME.toSeconds()
                        + "; HttpOnly; SameSite=Lax"
                        + (ClientAddress.https(ctx, settings.behindProxy()) ? "; Secure" : ""));
        return key;
    }

    static String keyOf(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
