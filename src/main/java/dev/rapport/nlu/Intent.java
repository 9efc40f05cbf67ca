package dev.rapport.nlu;

import java.util.Locale;
import java.util.Optional;

/**
 * What a customer wants from one message. The lower-case {@link #label()} is the spelling used in
 * the training files ({@code conversations/nlu/<language>/intents.tsv}) and in flow triggers.
 * {@link #UNKNOWN} is never a training label: it is what {@link Nlu} answers when no intent is
 * likely enough, or when the message has no words at all.
 */
public enum Intent {
    GREETING,
    COMPLAINT,
    ASK_HUMAN,
    CANCEL,
    ORDER_STATUS,
    REFUND,
    PRAISE,
    QUESTION,
    UNKNOWN;

    /** The label as written in training files, e.g. {@code "ask_human"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intent with this training label; empty for unknown spellings and for "unknown" itself. */
    public static Optional<Intent> fromLabel(String label) {
        for (Intent intent : values()) {
            if (intent != UNKNOWN && intent.label().equals(label)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }
}
