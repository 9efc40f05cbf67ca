package dev.rapport.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A messaging channel Rapport is reached on: customers on {@link #TELEGRAM} and {@link #WEBCHAT};
 * {@link #TELEGRAM_STAFF} carries the staff group's topic posts (staff at work, never a customer; they
 * travel the inbox and outbox like any chat but never reach the engine).
 */
public enum Channel {
    TELEGRAM,
    WEBCHAT,
    TELEGRAM_STAFF;

    /** The code stored with updates, messages and outbox rows: {@code telegram}, {@code webchat}, {@code telegram_staff}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values())
                .filter(channel -> channel.code().equals(code))
                .findFirst();
    }

    public static Channel of(String code) {
        return fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown channel '" + code + "'; expected telegram, webchat or telegram_staff"));
    }

    @Override
    public String toString() {
        return code();
    }
}
