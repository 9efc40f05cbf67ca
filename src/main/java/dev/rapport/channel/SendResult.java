package dev.rapport.channel;

import java.time.Duration;

/** How one delivery attempt ended. The outbox decides what to do next from this alone. */
public sealed interface SendResult {

    /** Delivered; {@code externalId} is the channel's message id when it has one. */
    record Delivered(String externalId) implements SendResult {}

    /** The channel asked to wait (Telegram 429 {@code retry_after}). */
    record RetryAfter(Duration delay, String reason) implements SendResult {}

    /** A failure worth retrying with back-off: 5xx, timeouts, network errors. */
    record TransientFailure(String reason) implements SendResult {}

    /** The customer cannot be reached on this chat (Telegram 403: blocked by the user). */
    record Unreachable(String reason) implements SendResult {}

    /** The channel refused this message for good (Telegram 400); retrying would not help. */
    record Rejected(String reason) implements SendResult {}
}
