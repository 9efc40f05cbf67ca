package dev.rapport.nlu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands customer messages: their language ("en" or "zh"), intent and sentiment.
 *
 * <p>Immutable and thread-safe; build one at start-up and share it. {@code understand} never
 * throws for any text (null, empty, emoji only, 10,000 characters, mixed or right-to-left scripts,
 * control characters) and reads at most the first {@value ChatNormalizer#MAX_CHARS} characters.
 */
public final class Nlu {

    /**
     * Below this probability the best intent is reported as {@link Intent#UNKNOWN}. With eight
     * intents a blind guess scores 0.125. On the held-out sets 0.30 turns about 1% of the right
     * answers into UNKNOWN (0.35 would cost 2%, 0.50 up to 5.5%), while gibberish and chatter
     * ("asdfgh", "blah blah", "lorem ipsum", "I like turtles") score 0.13 to 0.26. Most wrong
     * answers are confident, so a higher threshold would mostly lose right ones.
     */
    public static final double INTENT_THRESHOLD = 0.30;

    /**
     * A sentiment score (P(positive) − P(negative)) at or below this reads as clearly negative. The
     * score says how sure the model is, not how angry the customer is, so the engine hands a chat to
     * a person (and a complaint's priority goes up a step) only when such a message is also said in
     * anger ({@link Heat}); {@code nlu eval} shows how often such messages are really negative.
     */
    public static final double STRONGLY_NEGATIVE_SCORE = -0.6;

    private static final Logger log = LoggerFactory.getLogger(Nlu.class);
    private static final double TIE = 1e-9;

    /** A sentiment score this far from 0 is a clear feeling that overrules a contrary complaint or praise. */
    static final double CLEAR_FEELING = 0.8;

    private static final String ENGLISH_PREFIX = LanguageIdentifier.ENGLISH + "/";
    private static final String CHINESE_PREFIX = LanguageIdentifier.CHINESE + "/";

    private final LanguageIdentifier languages;
    private final Map<String, LanguageModels> models;
    private final LoadReport loadReport;

    private Nlu(LanguageIdentifier languages, Map<String, LanguageModels> models, LoadReport loadReport) {
        this.languages = languages;
        this.models = Map.copyOf(models);
        this.loadReport = loadReport;
    }

    /**
     * Loads the models cached in {@code cacheDir} when they were trained from exactly the files now
     * in {@code nluDir}, else trains them from those files and writes them to {@code cacheDir}.
     *
     * @param nluDir the training files' root, normally {@code conversations/nlu}
     * @param cacheDir where trained models are kept, created when missing
     * @throws NluException when a training file is missing or malformed (the message names file and
     *     line), or the cache cannot be written
     */
    public static Nlu load(Path nluDir, Path cacheDir) {
        return load(nluDir, cacheDir, false);
    }

    /** Like {@link #load} but always trains and overwrites the cache. */
    public static Nlu train(Path nluDir, Path cacheDir) {
        return load(nluDir, cacheDir, true);
    }

    private static Nlu load(Path nluDir, Path cacheDir, boolean forceTraining) {
        long start = System.nanoTime();
        // A cached start is mostly reading: the detector model, the four models, the lexicons. The
        // first two run on their own threads while this one reads the training files and lexicons.
        ExecutorService readers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "nlu-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<LanguageDetectorModel> detectorModel =
                    CompletableFuture.supplyAsync(LanguageIdentifier::detectorModel, readers);
            TrainingData data = new TrainingData(nluDir);
            String hash = data.hash();
            ModelCache cache = new ModelCache(cacheDir);
            CompletableFuture<Optional<Map<String, LanguageModels>>> cached = forceTraining
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.supplyAsync(() -> cache.read(hash), readers);
            Map<String, List<LabelledText>> examples = new TreeMap<>();
            for (String language : TrainingData.LANGUAGES) {
                for (Task task : Task.values()) {
                    examples.put(language + "/" + task.fileName(), data.read(language, task));
                }
            }
            EnglishLexicon lexicon =
                    EnglishLexicon.builtIn().plus(texts(examples, ENGLISH_PREFIX), texts(examples, CHINESE_PREFIX));
            Optional<Map<String, LanguageModels>> fromCache = join(cached);
            Map<String, LanguageModels> models = fromCache.orElseGet(() -> {
                log.info(
                        "Training the NLU models from {} (first start, or the examples changed); "
                                + "this takes a few seconds and is cached in {}",
                        nluDir,
                        cacheDir);
                Map<String, LanguageModels> trained = trainAll(examples);
                cache.write(hash, trained);
                return trained;
            });
            LanguageIdentifier languages =
                    new LanguageIdentifier(new ThreadSafeLanguageDetectorME(join(detectorModel)), lexicon);
            Map<String, Integer> counts = new LinkedHashMap<>();
            examples.forEach((file, list) -> counts.put(file, list.size()));
            LoadReport report = new LoadReport(
                    fromCache.isEmpty(), Duration.ofNanos(System.nanoTime() - start), cacheDir, hash, counts);
            log.info(
                    "NLU models {} {} in {} ms; training data {} {}",
                    report.trained() ? "trained into" : "loaded from",
                    cacheDir,
                    report.duration().toMillis(),
                    nluDir,
                    counts);
            return new Nlu(languages, models, report);
        } finally {
            readers.shutdown(); // no interrupt: a half-read detector model would break its class for good
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Map<String, LanguageModels> trainAll(Map<String, List<LabelledText>> examples) {
        Trainer trainer = Trainer.standard();
        Map<String, LanguageModels> models = new LinkedHashMap<>();
        for (String language : TrainingData.LANGUAGES) {
            List<LabelledText> intents = examples.get(language + "/" + Task.INTENT.fileName());
            List<LabelledText> sentiment = examples.get(language + "/" + Task.SENTIMENT.fileName());
            models.put(
                    language,
                    new LanguageModels(
                            trainer.train(language, intents),
                            trainer.train(language, TrainingData.sentimentExamples(sentiment, intents))));
        }
        return models;
    }

    private static List<String> texts(Map<String, List<LabelledText>> examples, String prefix) {
        List<String> texts = new ArrayList<>();
        examples.forEach((file, list) -> {
            if (file.startsWith(prefix)) {
                list.forEach(example -> texts.add(example.text()));
            }
        });
        return texts;
    }

    /** Language, intent and sentiment of {@code text}, the language detected with help of {@code prior}. */
    public Understanding understand(String text, LanguagePrior prior) {
        return understand(text, prior, null);
    }

    /**
     * Language, intent and sentiment of {@code text}.
     *
     * @param prior what is known about the customer's language; null means {@link LanguagePrior#none()}
     * @param forcedLanguage "en" or "zh" to skip detection, or null to detect
     * @throws IllegalArgumentException when {@code forcedLanguage} is neither null, "en" nor "zh"
     */
    public Understanding understand(String text, LanguagePrior prior, String forcedLanguage) {
        return score(text, prior, forcedLanguage).understanding();
    }

    /**
     * What {@link #understand} answers, plus what evaluation needs to judge the confidences: the
     * most likely intent before the threshold turned it into UNKNOWN, and the probability of the
     * sentiment answered.
     */
    record Scored(Understanding understanding, Intent topIntent, double sentimentConfidence) {}

    /** Like {@link #understand}, with the figures calibration needs. */
    Scored score(String text, LanguagePrior prior, String forcedLanguage) {
        String forced = null;
        if (forcedLanguage != null) {
            forced = LanguageIdentifier.supported(forcedLanguage);
            if (forced == null) {
                throw new IllegalArgumentException(
                        "forcedLanguage must be \"en\", \"zh\" or null, not \"" + forcedLanguage + "\"");
            }
        }
        String normalized = ChatNormalizer.normalize(text);
        String[] tokens = ChatTokenizer.tokens(normalized);
        ScriptProfile profile = ScriptProfile.of(tokens);
        String language = forced != null
                ? forced
                : languages.identify(normalized, tokens, profile, prior == null ? LanguagePrior.none() : prior);
        LanguageModels languageModels = models.get(language);

        if (tokens.length == 0 || NotChat.isCode(normalized)) {
            return new Scored(new Understanding(language, Intent.UNKNOWN, 0, Sentiment.NEUTRAL, 0), Intent.UNKNOWN, 1);
        }
        String[] features = ChatFeatures.extract(tokens); // once for both models: half the work per message

        Categorizer sentimentModel = languageModels.sentiment();
        double[] feelings = sentimentModel.probabilitiesOfFeatures(features);
        double neutral = sentimentModel.probability(feelings, Sentiment.NEUTRAL.label());
        int likeliest = Categorizer.best(feelings);
        // Words the model never saw leave the labels equally likely: that is neutral, not the first label.
        Sentiment sentiment = feelings[likeliest] - neutral > TIE
                ? Sentiment.fromLabel(sentimentModel.label(likeliest)).orElse(Sentiment.NEUTRAL)
                : Sentiment.NEUTRAL;
        double score = sentimentModel.probability(feelings, Sentiment.POSITIVE.label())
                - sentimentModel.probability(feelings, Sentiment.NEGATIVE.label());

        Intent intent = Intent.UNKNOWN;
        Intent topIntent = Intent.UNKNOWN;
        double intentConfidence = 0;
        if (!profile.hasNoLetters()) {
            Categorizer model = languageModels.intents();
            double[] probabilities = model.probabilitiesOfFeatures(features);
            int best = consistentWithFeeling(model, probabilities, score);
            intentConfidence = probabilities[best];
            topIntent = Intent.fromLabel(model.label(best)).orElse(Intent.UNKNOWN);
            if (intentConfidence >= INTENT_THRESHOLD) {
                intent = topIntent;
            }
        }
        double sentimentConfidence = sentimentModel.probability(feelings, sentiment.label());
        return new Scored(
                new Understanding(language, intent, intentConfidence, sentiment, score),
                topIntent,
                sentimentConfidence);
    }

    /**
     * The index of the best intent, unless that is a complaint in a clearly happy message or praise
     * in a clearly unhappy one: then the next best. A complaint reports a problem, so "the courier
     * even put it in my shed like I asked, great" is not one, and "thanks for nothing" is no praise.
     * The sentiment model reads the whole message's feeling better than the intent model, which
     * mostly learns topics.
     */
    private static int consistentWithFeeling(Categorizer model, double[] probabilities, double sentimentScore) {
        int best = Categorizer.best(probabilities);
        String label = model.label(best);
        boolean happyComplaint = label.equals(Intent.COMPLAINT.label()) && sentimentScore >= CLEAR_FEELING;
        boolean unhappyPraise = label.equals(Intent.PRAISE.label()) && sentimentScore <= -CLEAR_FEELING;
        if (!happyComplaint && !unhappyPraise) {
            return best;
        }
        int second = -1;
        for (int index = 0; index < probabilities.length; index++) {
            if (index != best && (second < 0 || probabilities[index] > probabilities[second])) {
                second = index;
            }
        }
        return second < 0 ? best : second;
    }

    /** How this instance got its models: trained or cached, how long it took, from which data. */
    public LoadReport loadReport() {
        return loadReport;
    }
}
