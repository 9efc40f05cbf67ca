package dev.rapport.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.jdbi.v3.core.Handle;

/**
 * Single-use, expiring tokens for deep links ({@code https://t.me/<bot>?start=<token>}) that link a
 * chat to a customer. A token is 32 random bytes from {@link SecureRandom}, URL-safe Base64 (43
 * characters: Telegram allows 64 of {@code A-Z a-z 0-9 _ -} in a start parameter). Only its SHA-256
 * digest is stored, so the table cannot be used to link chats. Thread-safe.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration validity;
    private final Clock clock;

    public LinkTokens(Duration validity, Clock clock) {
        this.validity = validity;
        this.clock = clock;
    }

    /** What redeeming a token found. */
    public sealed interface Redemption {
        record Valid(long customerId) implements Redemption {}

        /** {@code reason}: unknown, used, expired, or gone (the customer was erased or merged). */
        record Invalid(String reason) implements Redemption {}
    }

    /** A new token for the customer, valid for the configured time. */
    public String create(Handle handle, long customerId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        handle.createUpdate("""
                        INSERT INTO link_tokens (token_digest, customer_id, created_at, expires_at)
                        VALUES (:digest, :customerId, :now, :expiresAt)""")
                .bind("digest", digest(token))
                .bind("customerId", customerId)
                .bind("now", now())
                .bind("expiresAt", now().plus(validity))
                .execute();
        return token;
    }

    /** The link that opens the bot with the token: {@code https://t.me/<bot>?start=<token>}. */
    public static String deepLink(String botUsername, String token) {
        return "https://t.me/" + botUsername + "?start=" + token;
    }

    /**
     * Uses the token for this chat, at most once: the row is claimed with a conditional update, so
     * two chats redeeming the same token at once cannot both succeed.
     */
    public Redemption redeem(Handle handle, String token, dev.rapport.domain.Channel channel, String chatKey) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{1,64}")) {
            return new Redemption.Invalid("unknown");
        }
        String digest = digest(token);
        var claimed = handle.createQuery("""
                        UPDATE link_tokens t SET used_at = :now, used_channel = :channel, used_chat_key = :chatKey
                        FROM customers c
                        WHERE t.token_digest = :digest AND t.used_at IS NULL AND t.expires_at > :now
                          AND c.id = t.customer_id AND c.merged_into IS NULL AND c.erased_at IS NULL
                        RETURNING t.customer_id""")
                .bind("now", now())
                .bind("channel", channel)
                .bind("chatKey", chatKey)
                .bind("digest", digest)
                .mapTo(Long.class)
                .findOne();
        if (claimed.isPresent()) {
            return new Redemption.Valid(claimed.get());
        }
        return handle.createQuery("""
                        SELECT CASE WHEN t.used_at IS NOT NULL THEN 'used'
                                    WHEN t.expires_at <= :now THEN 'expired'
                                    ELSE 'gone' END
                        FROM link_tokens t WHERE t.token_digest = :digest""")
                .bind("now", now())
                .bind("digest", digest)
                .mapTo(String.class)
                .findOne()
                .<Redemption>map(Redemption.Invalid::new)
                .orElse(new Redemption.Invalid("unknown"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
