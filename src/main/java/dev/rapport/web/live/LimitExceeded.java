package dev.rapport.web.live;

import java.time.Duration;

/**
 * A request refused because a limit is reached: 429 (this client is over its share) or 503 (the
 * server as a whole is full). The route table ({@code dev.rapport.web.WebServer}) answers it in one place with a {@code Retry-After}
 * header and the JSON {@code {"error": "…", "limit": "…", "retry_after_seconds": n}}, so a client
 * knows which limit it met and when to try again.
 */
public final class LimitExceeded extends RuntimeException {

    private final int status;
    private final String limit;
    private final Duration retryAfter;

    private LimitExceeded(int status, String limit, Duration retryAfter, String message) {
        super(message);
        this.status = status;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** 429: this client (session, address) is over its share of {@code limit}. */
    public static LimitExceeded tooMany(String limit, Duration retryAfter, String message) {
        return new LimitExceeded(429, limit, retryAfter, message);
    }

    /** 503: the server has no room for anyone right now. */
    public static LimitExceeded full(String limit, Duration retryAfter, String message) {
        return new LimitExceeded(503, limit, retryAfter, message);
    }

    public int status() {
        return status;
    }

    /** The limit's name as configured, e.g. {@code session_messages}. */
    public String limit() {
        return limit;
    }

    /** Whole seconds to wait, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
