package dev.rapport.nlu;

import java.util.Locale;
import java.util.Optional;

/** How a customer feels in one message; the lower-case {@link #label()} is the training-file spelling. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The label as written in training files, e.g. {@code "negative"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sentiment with this training label; empty for unknown spellings. */
    public static Optional<Sentiment> fromLabel(String label) {
        for (Sentiment sentiment : values()) {
            if (sentiment.label().equals(label)) {
                return Optional.of(sentiment);
            }
        }
        return Optional.empty();
    }
}
