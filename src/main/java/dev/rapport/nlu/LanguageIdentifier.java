package dev.rapport.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetector;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Decides whether a message is English ("en") or Chinese ("zh"), the two languages Rapport
 * speaks. Chat messages are short, so the decision goes from cheap and certain to expensive:
 * <ol>
 *   <li>no letters (emoji, numbers, punctuation), or only words that customers of every language
 *       type ("ok", "lol", "hi"): ambiguous, so the {@link LanguagePrior} decides;</li>
 *   <li>Han characters make up at least half of the units (Han characters plus words): Chinese,
 *       however short ("退款", "我的order还没到"), unless kana mark it as Japanese;</li>
 *   <li>mostly Latin words, at least half of them English words: English;</li>
 *   <li>longer Latin text: OpenNLP's 103-language detector (the model in
 *       {@code opennlp-models-langdetect}); English or Mandarin are taken, anything else is a
 *       language Rapport does not speak;</li>
 *   <li>a language Rapport does not speak, or too little text to tell: the prior decides.</li>
 * </ol>
 * The prior is the customer's chosen language, else the previous message's language, else
 * Chinese when Telegram reports a "zh…" app language, else English.
 *
 * <p>Immutable and thread-safe (OpenNLP's detector is used through its thread-local wrapper).
 */
final class LanguageIdentifier {

    static final String ENGLISH = "en";
    static final String CHINESE = "zh";

    /** The model's resource name inside the opennlp-models-langdetect jar. */
    static final String DETECTOR_MODEL = "/langdetect-183.bin";

    /** Below this many Latin letters the detector's 103-way guess is close to uniform noise. */
    static final int MIN_LETTERS_FOR_DETECTOR = 20;

    /** The detector reads this much at most; the language is clear long before. */
    private static final int DETECTOR_MAX_CHARS = 300;

    private static final Set<String> EVERY_LANGUAGE_CHAT_WORDS = Set.of(
            "ok", "okay", "okk", "kk", "k", "lol", "haha", "hahaha", "hehe", "hmm", "hm", "emm", "em", "um", "uh", "hi",
            "hello", "hey", "bye", "byebye", "thx", "ty", "omg", "wow", "yeah", "yes", "no", "pls", "plz", "sorry",
            "tks");

    private final LanguageDetector detector;
    private final EnglishLexicon lexicon;

    LanguageIdentifier(LanguageDetector detector, EnglishLexicon lexicon) {
        this.detector = detector;
        this.lexicon = lexicon;
    }

    static LanguageIdentifier withLexicon(EnglishLexicon lexicon) {
        return new LanguageIdentifier(new ThreadSafeLanguageDetectorME(detectorModel()), lexicon);
    }

    /**
     * OpenNLP's detector model, read from the classpath on first use (about a second) and then
     * shared: it is immutable, and every {@link Nlu} in the process needs the same one.
     */
    static LanguageDetectorModel detectorModel() {
        return DetectorModel.SHARED;
    }

    private static final class DetectorModel {
        static final LanguageDetectorModel SHARED = readDetectorModel();
    }

    private static LanguageDetectorModel readDetectorModel() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(DETECTOR_MODEL)) {
            if (in == null) {
                throw new NluException(DETECTOR_MODEL + " is not on the classpath: it comes with "
                        + "org.apache.opennlp:opennlp-models-langdetect, which the build must include");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language detector model " + DETECTOR_MODEL, e);
        }
    }

    /**
     * "en" or "zh" for a message already normalised and tokenised.
     *
     * @param normalized the {@link ChatNormalizer} form of the message
     * @param tokens its {@link ChatTokenizer} tokens
     * @param profile the {@link ScriptProfile} of those tokens
     */
    String identify(String normalized, String[] tokens, ScriptProfile profile, LanguagePrior prior) {
        if (profile.hasNoLetters() || onlyEveryLanguageChatWords(tokens, profile)) {
            return fromPrior(prior);
        }
        if (profile.looksJapanese()) {
            return fromPrior(prior);
        }
        if (profile.hanShare() >= 0.5) {
            return CHINESE;
        }
        if (profile.latinWords() < profile.otherWords()) {
            return fromPrior(prior);
        }
        if (englishWords(tokens) * 2 >= profile.latinWords()) {
            return ENGLISH;
        }
        if (profile.latinLetters() >= MIN_LETTERS_FOR_DETECTOR) {
            String detected = detector.predictLanguage(capped(normalized)).getLang();
            if (detected.equals("eng")) {
                return ENGLISH;
            }
            if (detected.equals("cmn")) {
                return CHINESE;
            }
        }
        return fromPrior(prior);
    }

    /** The language the prior points to; English when it points nowhere. */
    static String fromPrior(LanguagePrior prior) {
        String chosen = supported(prior.chosenLanguage());
        if (chosen != null) {
            return chosen;
        }
        String previous = supported(prior.previousLanguage());
        if (previous != null) {
            return previous;
        }
        String telegram = prior.telegramLanguageCode();
        if (telegram != null && telegram.strip().toLowerCase(Locale.ROOT).startsWith("zh")) {
            return CHINESE;
        }
        return ENGLISH;
    }

    /** "en" or "zh" for codes such as "en-GB" or "zh-hans"; null for anything else. */
    static String supported(String code) {
        if (code == null) {
            return null;
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith(CHINESE)) {
            return CHINESE;
        }
        return lower.startsWith(ENGLISH) ? ENGLISH : null;
    }

    private boolean onlyEveryLanguageChatWords(String[] tokens, ScriptProfile profile) {
        if (profile.hanChars() > 0 || profile.otherWords() > 0) {
            return false;
        }
        for (String token : tokens) {
            if (ChatTokenizer.isLetterWord(token) && !EVERY_LANGUAGE_CHAT_WORDS.contains(token)) {
                return false;
            }
        }
        return true;
    }

    private int englishWords(String[] tokens) {
        int count = 0;
        for (String token : tokens) {
            if (ChatTokenizer.isLetterWord(token) && lexicon.contains(token)) {
                count++;
            }
        }
        return count;
    }

    private static String capped(String text) {
        if (text.length() <= DETECTOR_MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(DETECTOR_MAX_CHARS - 1))
                ? DETECTOR_MAX_CHARS - 1
                : DETECTOR_MAX_CHARS;
        return text.substring(0, end);
    }
}
