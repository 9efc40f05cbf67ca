package dev.rapport.channel.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The fake Bot API's enforcement of {@link FloodLimits}: decides, as each posting call arrives,
 * whether it passes or how many seconds the caller must wait (Telegram's {@code retry_after}, whole
 * seconds, at least 1). A refused call takes no token. Memory stays bounded: buckets that are full
 * again are forgotten. Thread-safe (one lock; the fake's calls are short).
 */
final class FloodControl {

    private final FloodLimits limits;
    private final Bucket bot;
    private final Map<Long, Bucket> chats = new HashMap<>();
    private final Map<Long, Deque<Long>> groups = new HashMap<>();
    private int sinceCleanup;

    FloodControl(FloodLimits limits, long now) {
        this.limits = limits;
        this.bot = new Bucket(limits.perSecond(), limits.burst(), now);
    }

    /** 0 when the call to {@code chatId} passes (its tokens taken), else the retry_after seconds. */
    synchronized int admit(long chatId, long now) {
        if (++sinceCleanup >= 10_000) {
            sinceCleanup = 0;
            chats.values().removeIf(bucket -> bucket.full(now));
            groups.values().removeIf(posts -> posts.isEmpty() || now - posts.peekLast() > 60_000_000_000L);
        }
        Bucket chat =
                chats.computeIfAbsent(chatId, id -> new Bucket(limits.perChatPerSecond(), limits.perChatBurst(), now));
        long wait = Math.max(chat.waitFor(now), bot.waitFor(now));
        Deque<Long> posts = null;
        if (chatId < 0) {
            posts = groups.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            while (!posts.isEmpty() && now - posts.peekFirst() >= 60_000_000_000L) {
                posts.pollFirst();
            }
            if (posts.size() >= limits.perGroupPerMinute()) {
                wait = Math.max(wait, posts.peekFirst() + 60_000_000_000L - now);
            }
        }
        if (wait > 0) {
            return (int) Math.max(1, Math.ceil(wait / 1e9));
        }
        chat.take(now);
        bot.take(now);
        if (posts != null) {
            posts.addLast(now);
        }
        return 0;
    }

    /** A token bucket holding {@code rate × tolerance} tokens more than its burst. Not thread-safe. */
    private final class Bucket {
        private final double capacity;
        private final double perNano;
        private final double slack;
        private double tokens;
        private long refilledAt;

        Bucket(double perSecond, int burst, long now) {
            this.perNano = perSecond / 1e9;
            this.slack = perSecond * limits.tolerance().toNanos() / 1e9;
            this.capacity = burst + slack;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        long waitFor(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        }

        void take(long now) {
            refill(now);
            tokens -= 1;
        }

        boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
                refilledAt = now;
            }
        }
    }
}
