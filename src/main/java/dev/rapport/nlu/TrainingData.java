package dev.rapport.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The training files under {@code conversations/nlu}: for each of {@link #LANGUAGES} the required
 * {@code <language>/intents.tsv} and {@code <language>/sentiment.tsv}, plus any number of extra
 * files of the same task named {@code intents-<anything>.tsv} or {@code sentiment-<anything>.tsv}
 * (a business's own examples, say {@code intents-myshop.tsv}), read in file-name order after the
 * main file. Immutable and thread-safe.
 */
record TrainingData(Path nluDir) {

    /** The languages Rapport speaks; every one needs both files. */
    static final List<String> LANGUAGES = List.of("en", "zh");

    /** The required main file of a language and task. */
    Path file(String language, Task task) {
        return nluDir.resolve(language).resolve(task.fileName());
    }

    /**
     * The main file, then every {@code <task>-*.tsv} beside it in file-name order.
     *
     * @throws NluException when the main file is missing or the directory cannot be listed
     */
    List<Path> files(String language, Task task) {
        Path main = file(language, task);
        if (!Files.isRegularFile(main)) {
            throw new NluException(
                    main + " does not exist: the NLU trains one " + task.label()
                            + " model per language from label<TAB>text lines; add the file or point --nlu-dir at conversations/nlu");
        }
        String prefix = task.fileName().substring(0, task.fileName().length() - ".tsv".length()) + "-";
        List<Path> files = new ArrayList<>();
        files.add(main);
        try (Stream<Path> listing = Files.list(main.getParent())) {
            listing.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(".tsv") && Files.isRegularFile(path);
                    })
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new NluException("cannot list " + main.getParent() + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Every example of a language and task, from all its {@link #files}, in order. */
    List<LabelledText> read(String language, Task task) {
        List<LabelledText> examples = new ArrayList<>();
        for (Path file : files(language, task)) {
            examples.addAll(LabelledTexts.read(file, task));
        }
        return List.copyOf(examples);
    }

    /**
     * What the sentiment model of {@code language} learns from: the sentiment file, plus every
     * complaint of the intent file as negative and every praise as positive, unless the sentiment
     * file already has that text. Both READMEs under {@code conversations/nlu} define complaints as
     * negative and thanks or compliments as positive, so these examples agree with the sentiment
     * labels, and they nearly double what the model sees of customers' feelings.
     */
    static List<LabelledText> sentimentExamples(List<LabelledText> sentiment, List<LabelledText> intents) {
        List<LabelledText> examples = new ArrayList<>(sentiment);
        Set<String> texts = new HashSet<>();
        sentiment.forEach(example -> texts.add(example.text()));
        for (LabelledText example : intents) {
            String label = example.label().equals(Intent.COMPLAINT.label())
                    ? Sentiment.NEGATIVE.label()
                    : example.label().equals(Intent.PRAISE.label()) ? Sentiment.POSITIVE.label() : null;
            if (label != null && texts.add(example.text())) {
                examples.add(new LabelledText(label, example.text(), example.source()));
            }
        }
        return examples;
    }

    /**
     * SHA-256 over the feature version and every training file's name and bytes, in a fixed order
     * ({@link #files}), so adding, changing or removing an extra file retrains. Equal hashes mean cached models
     * were trained from exactly these files the same way.
     *
     * @throws NluException naming the first missing file
     */
    String hash() {
        MessageDigest digest = sha256();
        digest.update(ChatFeatures.VERSION.getBytes(StandardCharsets.UTF_8));
        for (String language : LANGUAGES) {
            for (Task task : Task.values()) {
                for (Path file : files(language, task)) {
                    try {
                        byte[] bytes = Files.readAllBytes(file);
                        digest.update((language + "/" + file.getFileName() + "\n" + bytes.length + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        digest.update(bytes);
                    } catch (IOException e) {
                        throw new NluException("cannot read " + file + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
