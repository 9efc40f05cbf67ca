package dev.rapport.nlu;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Features from the {@link PolarityLexicon}: whether a message has positive or negative words,
 * strong ones, or both. They let a model trained on a few thousand examples judge feeling words
 * it never saw in training ("woeful", "flawless"), which matters because customers write about
 * products and situations the examples do not cover. A word within {@value Negations#SCOPE}
 * tokens after a negation counts the other way ("not impressed" is negative, "not bad" positive).
 * Positive and negative words together ("great, another late delivery") yield their own feature,
 * since sarcasm and mixed messages are mostly complaints.
 *
 * <p>Stateless and thread-safe. Public with a public no-argument constructor only because OpenNLP
 * re-creates a model's feature generators by class name; nothing else should use it.
 */
public final class PolarityWords implements FeatureGenerator {

    /** Ratings closer to zero than this ("like", "please") are too weak or ambiguous to count. */
    static final double MIN_RATING = 1.0;

    /** Ratings at least this far from zero ("superb", "horrible") also count as strong. */
    static final double STRONG_RATING = 2.5;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Set<String> features = new LinkedHashSet<>();
        boolean positive = false;
        boolean negative = false;
        int negated = 0;
        for (String token : tokens) {
            if (ChatTokenizer.isHanToken(token)) {
                negated = 0;
                continue;
            }
            double rating = PolarityLexicon.VADER.rating(token);
            if (Math.abs(rating) >= MIN_RATING) {
                boolean isPositive = (rating > 0) != (negated > 0);
                positive |= isPositive;
                negative |= !isPositive;
                features.add(isPositive ? "p=positive" : "p=negative");
                if (Math.abs(rating) >= STRONG_RATING) {
                    features.add(isPositive ? "p=strongly-positive" : "p=strongly-negative");
                }
            }
            if (Negations.isNegation(token)) {
                negated = Negations.SCOPE;
            } else if (negated > 0) {
                negated--;
            }
        }
        if (positive && negative) {
            features.add("p=mixed");
        }
        return features;
    }
}
