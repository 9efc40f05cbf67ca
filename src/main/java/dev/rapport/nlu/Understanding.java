package dev.rapport.nlu;

import java.util.Objects;

/**
 * What Rapport understood from one customer message.
 *
 * @param language "en" or "zh", never anything else
 * @param intent the most likely intent, {@link Intent#UNKNOWN} when none is likely enough
 * @param intentConfidence the probability of the best intent in [0, 1], also when it fell below
 *     the threshold and {@code intent} is UNKNOWN; 0 for messages without letters
 * @param sentiment the most likely sentiment
 * @param sentimentScore P(positive) − P(negative), in [-1, 1]
 */
public record Understanding(
        String language, Intent intent, double intentConfidence, Sentiment sentiment, double sentimentScore) {

    public Understanding {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(sentiment, "sentiment");
    }
}
