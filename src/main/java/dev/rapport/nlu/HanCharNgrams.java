package dev.rapport.nlu;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character unigrams, bigrams and trigrams inside each run of Han characters, so Chinese works
 * without a word segmenter: "还没到" yields 还, 没, 到, 还没, 没到, 还没到. Most Chinese words are one
 * or two characters, so bigrams carry most of the signal; trigrams catch set phrases (退款了, 怎么回事).
 * N-grams never cross a non-Han token. Each feature is reported once per message.
 *
 * <p>Stateless and thread-safe. Public with a public no-argument constructor only because OpenNLP
 * re-creates a model's feature generators by class name; nothing else should use it.
 */
public final class HanCharNgrams implements FeatureGenerator {

    static final int MAX_N = 3;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Set<String> features = new LinkedHashSet<>();
        for (String token : tokens) {
            if (ChatTokenizer.isHanToken(token)) {
                addNgrams(token, features);
            }
        }
        return features;
    }

    private static void addNgrams(String run, Set<String> features) {
        int[] chars = run.codePoints().toArray();
        for (int start = 0; start < chars.length; start++) {
            for (int n = 1; n <= MAX_N && start + n <= chars.length; n++) {
                features.add("h" + n + "=" + new String(chars, start, n));
            }
        }
    }
}
