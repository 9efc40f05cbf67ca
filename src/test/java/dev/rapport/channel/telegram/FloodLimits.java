package dev.rapport.channel.telegram;

import java.time.Duration;

/**
 * Telegram's flood limits as {@link FakeTelegramApi#enforce} applies them to calls that post a
 * message ({@code sendMessage}, {@code copyMessage}, {@code send*}): a token bucket per chat
 * ({@code perChatPerSecond}, short bursts of {@code perChatBurst}), one for the whole bot
 * ({@code perSecond}, bursts of {@code burst}) and, for group chats (negative ids), at most
 * {@code perGroupPerMinute} posts in any minute. A call over a limit is answered 429 with
 * {@code parameters.retry_after}, as Telegram does.
 *
 * <p>Telegram documents its limits as "about" so many; a client that paces its calls exactly at the
 * limit still sees them arrive a few milliseconds apart from how it sent them. {@code tolerance} is
 * how early a call may arrive and still pass (every bucket holds {@code rate × tolerance} tokens more).
 */
public record FloodLimits(
        double perChatPerSecond,
        int perChatBurst,
        double perSecond,
        int burst,
        int perGroupPerMinute,
        Duration tolerance) {

    /** The limits Telegram states: about 1 message/s per chat (bursts of 3), 30/s in all, 20/min per group. */
    public static FloodLimits telegram() {
        return new FloodLimits(1, 3, 30, 30, 20, Duration.ofMillis(50));
    }

    /** Telegram's shape at a higher bot-wide rate, so a test of a few hundred messages takes seconds. */
    public FloodLimits withPerSecond(double perSecond) {
        return new FloodLimits(
                perChatPerSecond, perChatBurst, perSecond, (int) Math.ceil(perSecond), perGroupPerMinute, tolerance);
    }
}
