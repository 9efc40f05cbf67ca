package dev.rapport.nlu;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word unigrams and bigrams of every token that is not Han text: words, numbers ("0"), emoji and
 * "?"/"!". Bigrams keep short phrases apart that share their words ("not good" versus "good").
 * Words up to {@value Negations#SCOPE} tokens after a negation ("not", "never", "dont" …) also
 * yield a negated feature, so "not impressed" and "impressed" pull opposite ways. A Han run
 * breaks the bigram chain; {@link HanCharNgrams} covers Han text, where 不好 and 没到 are bigrams
 * already. Each feature is reported once per message.
 *
 * <p>Stateless and thread-safe. Public with a public no-argument constructor only because OpenNLP
 * re-creates a model's feature generators by class name; nothing else should use it.
 */
public final class WordNgrams implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Set<String> features = new LinkedHashSet<>();
        String previous = null;
        int negated = 0;
        for (String token : tokens) {
            if (ChatTokenizer.isHanToken(token)) {
                previous = null;
                negated = 0;
                continue;
            }
            features.add("w=" + token);
            if (previous != null) {
                features.add("b=" + previous + "|" + token);
            }
            previous = token;
            if (Negations.isNegation(token)) {
                negated = Negations.SCOPE;
            } else if (negated > 0) {
                features.add("n=" + token);
                negated--;
            }
        }
        return features;
    }
}
