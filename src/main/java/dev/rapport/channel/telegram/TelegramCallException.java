package dev.rapport.channel.telegram;

/** A Bot API call made for an operator (setWebhook and friends) failed; the message says which and why. */
public final class TelegramCallException extends RuntimeException {

    TelegramCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
