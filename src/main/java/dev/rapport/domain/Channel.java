package dev.rapport.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A messaging channel customers reach Rapport on. */
public enum Channel {
    TELEGRAM, WEBCHAT;

    /** The code stored with updates, messages and outbox rows: {@code telegram} or {@code webchat}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(channel -> channel.code().equals(code)).findFirst();
    }

    public static Channel of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown channel '" + code + "'; expected telegram or webchat"));
    }

    @Override
    public String toString() {
        return code();
    }
}
