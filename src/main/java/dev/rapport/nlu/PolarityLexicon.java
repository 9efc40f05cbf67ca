package dev.rapport.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How positive or negative an English word is, from the VADER lexicon (C.J. Hutto and E. Gilbert,
 * "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM
 * 2014; MIT licence), which ships inside the {@code vader-sentiment-analyzer} jar. Ratings run
 * from -4 (most negative) to +4. Only single words are kept, spelt as {@link ChatTokenizer}
 * spells them; the lexicon's emoticons and abbreviations with punctuation are left out.
 *
 * <p>Immutable and thread-safe; {@link #VADER} is read once per class loader.
 */
final class PolarityLexicon {

    static final String RESOURCE = "/vader_sentiment_lexicon.txt";

    /** The shipped lexicon; the training hash names its version through {@link ChatFeatures#VERSION}. */
    static final PolarityLexicon VADER = read();

    private final Map<String, Double> ratings;

    private PolarityLexicon(Map<String, Double> ratings) {
        this.ratings = Map.copyOf(ratings);
    }

    /** The word's rating in [-4, 4], or 0 for words the lexicon does not rate. */
    double rating(String token) {
        return ratings.getOrDefault(token, 0.0);
    }

    int size() {
        return ratings.size();
    }

    /** Every rated word; all of them are English. */
    Set<String> words() {
        return ratings.keySet();
    }

    private static PolarityLexicon read() {
        try (InputStream in = PolarityLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with "
                        + "com.github.apanimesh061:vader-sentiment-analyzer, which the build must include");
            }
            Map<String, Double> ratings = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split("\t");
                if (fields.length < 2) {
                    continue;
                }
                String word = ChatNormalizer.normalize(fields[0]);
                String[] tokens = ChatTokenizer.tokens(word);
                if (tokens.length == 1 && tokens[0].equals(word) && ChatTokenizer.isLetterWord(word)) {
                    ratings.putIfAbsent(word, Double.parseDouble(fields[1]));
                }
            }
            return new PolarityLexicon(ratings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
