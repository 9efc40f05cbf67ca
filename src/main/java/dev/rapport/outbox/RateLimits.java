package dev.rapport.outbox;

import dev.rapport.config.RapportConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The outbox's send rates: one bucket per chat ({@code perChatPerSecond}, burst {@code perChatBurst})
 * and one for everything ({@code globalPerSecond}, burst one second's worth). Per process: two
 * Rapport instances on one database may together send up to twice the configured rates. Not
 * thread-safe: the outbox loop is its only user.
 */
final class RateLimits {

    private final RapportConfig.Outbox settings;
    private final TokenBucket global;
    private final Map<String, TokenBucket> chats = new HashMap<>();

    RateLimits(RapportConfig.Outbox settings, long now) {
        this.settings = settings;
        this.global = new TokenBucket(settings.globalPerSecond(), Math.max(1, settings.globalPerSecond()), now);
    }

    /** Takes a token for this chat: 0, or the nanoseconds until the chat may send again. */
    long takeChat(String chat, long now) {
        return chats.computeIfAbsent(chat, key ->
                new TokenBucket(settings.perChatPerSecond(), Math.max(1, settings.perChatBurst()), now)).take(now);
    }

    /** Takes a global token when there is one; the claim size keeps the loop from asking for more. */
    void takeGlobal(long now) {
        global.take(now);
    }

    int globalAvailable(long now) {
        return global.available(now);
    }

    long globalWait(long now) {
        return global.waitFor(now);
    }

    /** Forgets chats whose buckets are full again, so the map holds only recently active chats. */
    void forgetIdle(long now) {
        chats.values().removeIf(bucket -> bucket.full(now));
    }
}
