package dev.rapport.channel.telegram;

import java.time.Duration;
import java.util.Locale;

/**
 * A Bot API call made for the staff group failed. {@code code} is Telegram's {@code error_code}
 * (0 when no answer came: a network error or a timeout, after which the call may still have happened).
 */
public final class BotApiException extends RuntimeException {

    private final int code;
    private final String description;
    private final Duration retryAfter;

    BotApiException(int code, String description, Duration retryAfter, Throwable cause) {
        super("[" + code + "] " + description, cause);
        this.code = code;
        this.description = description == null ? "" : description;
        this.retryAfter = retryAfter;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** Telegram's {@code retry_after} on a 429, else null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** No answer, or a 5xx: worth trying again later. */
    public boolean transientFailure() {
        return code == 0 || code >= 500;
    }

    /** The topic was deleted (or never existed): "message thread not found", TOPIC_DELETED, TOPIC_ID_INVALID. */
    public boolean topicMissing() {
        String text = description.toLowerCase(Locale.ROOT);
        return code == 400
                && (text.contains("message thread not found")
                        || text.contains("topic_deleted")
                        || text.contains("topic_id_invalid")
                        || text.contains("thread not found"));
    }

    /** The customer blocked the bot (a copy from their chat fails the same way). */
    public boolean blockedByUser() {
        return code == 403 && description.toLowerCase(Locale.ROOT).contains("blocked by the user");
    }

    /** The group cannot be used any more: the bot was removed, or the chat is gone or no longer a forum. */
    public boolean groupUnusable() {
        String text = description.toLowerCase(Locale.ROOT);
        return (code == 403 && !blockedByUser())
                || (code == 400
                        && (text.contains("chat not found")
                                || text.contains("not a forum")
                                || text.contains("not enough rights")
                                || text.contains("chat_admin_required")));
    }
}
