package dev.rapport.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Words that show a short Latin-script message is English. Statistical language detectors guess
 * at random on three-word chat messages ("where is my order" scores Afrikaans above English), so
 * a word list decides those. Immutable and thread-safe.
 */
final class EnglishLexicon {

    private static final String RESOURCE = "english-words.txt";

    private final Set<String> words;

    private EnglishLexicon(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The common English words shipped with Rapport plus the 7,000 words the VADER lexicon rates. */
    static EnglishLexicon builtIn() {
        try (InputStream in = EnglishLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the classpath next to " + EnglishLexicon.class.getName());
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    addWords(line, words);
                }
            }
            words.addAll(PolarityLexicon.VADER.words());
            return new EnglishLexicon(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * This lexicon plus every word of {@code englishTexts} that never occurs in {@code otherTexts}:
     * the English training files add domain words and the spellings customers really use, minus
     * the Latin words Chinese customers use just as much ("ok", "app").
     */
    EnglishLexicon plus(Collection<String> englishTexts, Collection<String> otherTexts) {
        Set<String> english = new HashSet<>();
        englishTexts.forEach(text -> addWords(text, english));
        Set<String> other = new HashSet<>();
        otherTexts.forEach(text -> addWords(text, other));
        english.removeAll(other);
        english.addAll(words);
        return new EnglishLexicon(english);
    }

    /** True for a token (as {@link ChatTokenizer} spells it) that is an English word. */
    boolean contains(String token) {
        return words.contains(token);
    }

    private static void addWords(String text, Set<String> words) {
        for (String token : ChatTokenizer.tokens(ChatNormalizer.normalize(text))) {
            if (ChatTokenizer.isLetterWord(token)) {
                words.add(token);
            }
        }
    }
}
