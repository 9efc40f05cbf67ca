package dev.rapport.outbox;

import dev.rapport.config.RapportConfig;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The outbox's send rates: one bucket per chat ({@code perChatPerSecond}, burst {@code perChatBurst})
 * and one for everything ({@code globalPerSecond}, burst one second's worth). Tokens are taken when
 * a call starts, not when its row is claimed, so time spent waiting for a free sender thread does
 * not let a chat's calls bunch up. The global rate is the bot's: the senders on one database split
 * it evenly ({@link #share}, {@link RateShare}). The chat rates are per process: a chat's rows go
 * out one at a time, but its next row may go from another process without waiting for this one's
 * token. Thread-safe.
 */
final class RateLimits {

    private final RapportConfig.Outbox settings;
    private final TokenBucket global;
    private final ConcurrentMap<String, TokenBucket> chats = new ConcurrentHashMap<>();
    /** Per channel (one bot), the {@link System#nanoTime()} before which nothing may be sent on it. */
    private final ConcurrentMap<String, Long> channelPauses = new ConcurrentHashMap<>();
    /**
     * Rows claimed whose chat task has not finished: they will take global tokens, so the loop does not
     * claim for those tokens again. Without it the loop claims a batch, finds the tokens still there
     * (a task reserves them only when its call starts), and claims again until {@code maxInFlight}
     * rows wait in memory — seconds of campaign messages a reply to a talking customer would queue behind.
     */
    private final java.util.concurrent.atomic.AtomicInteger promised = new java.util.concurrent.atomic.AtomicInteger();

    RateLimits(RapportConfig.Outbox settings, long now) {
        this.settings = settings;
        this.global = new TokenBucket(settings.globalPerSecond(), Math.max(1, settings.globalPerSecond()), now);
    }

    /**
     * {@code senders} senders on the database share the global rate (this one included): from
     * {@code now} on this one sends at most its part, with a burst of one second's worth of it.
     * Returns that part, per second.
     */
    double share(int senders, long now) {
        double perSecond = settings.globalPerSecond() / senders;
        global.rate(perSecond, Math.max(1, perSecond), now);
        return perSecond;
    }

    /** Takes a token for this chat: 0, or the nanoseconds until the chat may send again. */
    long takeChat(String chat, long now) {
        long[] wait = new long[1];
        chats.compute(chat, (key, bucket) -> {
            TokenBucket chatBucket = bucket != null
                    ? bucket
                    : new TokenBucket(settings.perChatPerSecond(), Math.max(1, settings.perChatBurst()), now);
            wait[0] = chatBucket.take(now);
            return chatBucket;
        });
        return wait[0];
    }

    /** Reserves a global token: the nanoseconds to wait before sending (usually 0). */
    long reserveGlobal(long now) {
        return global.reserve(now);
    }

    /** Global tokens free now and not promised to rows already claimed: how many rows the loop may claim. */
    int globalAvailable(long now) {
        return Math.max(0, global.available(now) - promised.get());
    }

    /** {@code rows} were claimed and handed to sender threads; each will take a global token or be put back. */
    void promise(int rows) {
        promised.addAndGet(rows);
    }

    /** A chat task of {@code rows} rows has finished: their tokens are taken (or not needed) now. */
    void settle(int rows) {
        promised.addAndGet(-rows);
    }

    long globalWait(long now) {
        return global.waitFor(now);
    }

    /**
     * The channel said "too many requests, retry after": its flood limit is per bot, not per chat, so
     * every chat of the channel waits until {@code until}. A later pause never shortens an earlier one.
     */
    void pauseChannel(String channel, long until) {
        channelPauses.merge(channel, until, (earlier, later) -> later - earlier > 0 ? later : earlier);
    }

    /** 0, or the nanoseconds until the channel may be sent on again. */
    long channelWait(String channel, long now) {
        Long until = channelPauses.get(channel);
        return until == null || until - now <= 0 ? 0 : until - now;
    }

    /** Forgets chats whose buckets are full again, so the map holds only recently active chats. */
    void forgetIdle(long now) {
        for (String chat : chats.keySet()) {
            chats.computeIfPresent(chat, (key, bucket) -> bucket.full(now) ? null : bucket);
        }
    }
}
