package dev.rapport.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The features both languages' intent and sentiment models use. Chinese models get word features
 * for the Latin words and emoji customers mix in ("我的order还没到"), and English models get Han
 * n-grams for the odd Chinese word ("my 外卖 is cold"), so one set serves both.
 */
final class ChatFeatures {

    /**
     * Part of the training hash: change it whenever tokens, features, lexicons or training
     * parameters change, so cached models built the old way are retrained instead of being fed
     * features they never saw.
     */
    static final String VERSION =
            "chat-features-4;clause-balance-1;markup-1;vader-1.0;maxent-qn-l2-0.3-i100;sentiment+complaint/praise";

    private static final FeatureGenerator[] SHARED = generators();

    private ChatFeatures() {}

    /** A fresh array each call: OpenNLP keeps the array it is given. */
    static FeatureGenerator[] generators() {
        return new FeatureGenerator[] {
            new WordNgrams(), new SubwordNgrams(), new HanCharNgrams(), new PolarityWords(), new ClauseBalance()
        };
    }

    /**
     * The features of one message exactly as OpenNLP's document categorizer computes them (each
     * generator's in turn), so a message's features can be computed once and scored by both its
     * language's models. Thread-safe: the generators are stateless.
     */
    static String[] extract(String[] tokens) {
        List<String> features = new ArrayList<>();
        for (FeatureGenerator generator : SHARED) {
            features.addAll(generator.extractFeatures(tokens, Map.of()));
        }
        return features.toArray(String[]::new);
    }
}
