package dev.rapport.engine;

/** Reads a customer's text. Implementations must be thread-safe and never throw for odd input. */
@FunctionalInterface
public interface Interpreter {

    /** @param languageCode the channel's language hint for the sender (Telegram's language_code), or null */
    Reading read(String text, CustomerView customer, String languageCode);
}
