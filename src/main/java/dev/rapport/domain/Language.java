package dev.rapport.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A language Rapport speaks with customers, staff and managers. Both are first-class. */
public enum Language {
    EN,
    ZH;

    /** The code used in message files, the database and settings: {@code en} or {@code zh}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return this == ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The language for a code such as {@code "zh"}, or empty for anything else. */
    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values())
                .filter(language -> language.code().equals(code))
                .findFirst();
    }

    /** The language for a code that must be one; throws naming the value and the codes allowed. */
    public static Language of(String code) {
        return fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown language '" + code + "'; expected en or zh"));
    }

    @Override
    public String toString() {
        return code();
    }
}
