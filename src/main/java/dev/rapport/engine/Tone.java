package dev.rapport.engine;

import dev.rapport.nlu.Heat;
import dev.rapport.nlu.Nlu;

/**
 * When a customer's message counts as strongly negative — the line at which the engine hands a chat
 * to a person and a new complaint's priority goes up a step: the sentiment reads clearly negative
 * (score at or below {@link Nlu#STRONGLY_NEGATIVE_SCORE}) and the text is said in anger
 * ({@link Heat}). A calm report of a fault ("the lid arrived cracked") is negative but not heated,
 * and stays with the bot. Stateless; thread-safe.
 */
public final class Tone {

    private Tone() {}

    /** True for a heated, clearly negative message; false when either part is unknown. */
    public static boolean stronglyNegative(Double sentimentScore, String text) {
        return sentimentScore != null && sentimentScore <= Nlu.STRONGLY_NEGATIVE_SCORE && Heat.heated(text);
    }
}
