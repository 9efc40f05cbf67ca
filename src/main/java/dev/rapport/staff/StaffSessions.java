package dev.rapport.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side sessions. A session id is 32 random bytes (base64url in the cookie); the table keeps
 * only its SHA-256, so reading the table signs nobody in. A session lasts {@link #IDLE} after it was
 * last used and at most {@link #ABSOLUTE} after sign-in; a disabled account's sessions end at once.
 * Thread-safe.
 */
public final class StaffSessions {

    public static final Duration IDLE = Duration.ofHours(12);
    public static final Duration ABSOLUTE = Duration.ofDays(7);
    /** Use refreshes the expiry at most this often, so reading pages does not write on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StaffSessions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A new session for a member who just signed in; returns the id for the cookie. */
    public String start(StaffMember member) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = TOKEN.encodeToString(bytes);
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM staff_sessions WHERE expires_at < :now")
                    .bind("now", now)
                    .execute();
            handle.createUpdate("""
                            INSERT INTO staff_sessions (id_digest, staff_id, created_at, last_seen_at, expires_at)
                            VALUES (:digest, :staff, :now, :now, :expires)""")
                    .bind("digest", digest(id))
                    .bind("staff", member.id())
                    .bind("now", now)
                    .bind("expires", now.plus(IDLE))
                    .execute();
        });
        return id;
    }

    /** The live session with this id, or empty for an unknown, expired or disabled one. */
    public Optional<StaffSession> find(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String digest = digest(id);
        return jdbi.inTransaction(handle -> {
            var row = handle.createQuery("""
                            SELECT s.id, s.name, s.role, s.language, s.demo, s.locked_until, s.disabled_at,
                                   s.last_login_at, s.created_at, ss.created_at AS started_at,
                                   ss.last_seen_at, ss.expires_at
                            FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id
                            WHERE ss.id_digest = :digest AND ss.expires_at > :now AND s.disabled_at IS NULL""")
                    .bind("digest", digest)
                    .bind("now", now)
                    .map((rs, ctx) -> new Row(
                            StaffAccounts.member(rs, ctx),
                            rs.getObject("started_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getObject("last_seen_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getObject("expires_at", java.time.OffsetDateTime.class)
                                    .toInstant()))
                    .findOne();
            if (row.isEmpty()) {
                return Optional.<StaffSession>empty();
            }
            Instant expires = row.get().expiresAt();
            if (row.get().lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
                Instant cap = row.get().startedAt().plus(ABSOLUTE);
                expires = now.plus(IDLE).isAfter(cap) ? cap : now.plus(IDLE);
                handle.createUpdate("UPDATE staff_sessions SET last_seen_at = :now, expires_at = :expires "
                                + "WHERE id_digest = :digest")
                        .bind("now", now)
                        .bind("expires", expires)
                        .bind("digest", digest)
                        .execute();
            }
            return Optional.of(new StaffSession(row.get().member(), csrfToken(id), expires));
        });
    }

    /** Signs out: the session id stops working everywhere. Idempotent. */
    public void end(String id) {
        if (id == null) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM staff_sessions WHERE id_digest = :digest")
                .bind("digest", digest(id))
                .execute());
    }

    /** The token a session's forms carry; a page cannot compute it without the cookie's id. */
    static String csrfToken(String id) {
        return TOKEN.encodeToString(sha256("csrf:" + id));
    }

    private static String digest(String id) {
        return HexFormat.of().formatHex(sha256(id));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(StaffMember member, Instant startedAt, Instant lastSeenAt, Instant expiresAt) {}
}
