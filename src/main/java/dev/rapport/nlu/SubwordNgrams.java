package dev.rapport.nlu;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 3- and 4-grams inside each word of three or more letters, with "&lt;" and "&gt;"
 * marking the word's edges, so a misspelt word still shares most features with the right one:
 * "refnud" and "refund" share &lt;re, ref, &lt;ref. Han text is left to {@link HanCharNgrams}. Each
 * feature is reported once per message.
 *
 * <p>Stateless and thread-safe. Public with a public no-argument constructor only because OpenNLP
 * re-creates a model's feature generators by class name; nothing else should use it.
 */
public final class SubwordNgrams implements FeatureGenerator {

    static final int MIN_N = 3;
    static final int MAX_N = 4;
    private static final int MIN_WORD_LENGTH = 3;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Set<String> features = new LinkedHashSet<>();
        for (String token : tokens) {
            if (ChatTokenizer.isLetterWord(token) && token.codePointCount(0, token.length()) >= MIN_WORD_LENGTH) {
                addNgrams("<" + token + ">", features);
            }
        }
        return features;
    }

    private static void addNgrams(String word, Set<String> features) {
        int[] chars = word.codePoints().toArray();
        for (int n = MIN_N; n <= MAX_N; n++) {
            for (int start = 0; start + n <= chars.length; start++) {
                features.add("s=" + new String(chars, start, n));
            }
        }
    }
}
