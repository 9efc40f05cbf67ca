package dev.rapport.nlu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@link Nlu#load} got its models.
 *
 * @param trained true when the models were trained during this load, false when read from the cache
 * @param duration how long the whole load took, language detector included
 * @param cacheDir where the model files are
 * @param trainingHash the SHA-256 of the training files the models come from
 * @param examples examples per language and task, keyed like "en/intents.tsv" (the main file plus its
 *     {@code intents-*.tsv} extras), sorted by key
 */
public record LoadReport(
        boolean trained, Duration duration, Path cacheDir, String trainingHash, Map<String, Integer> examples) {

    public LoadReport {
        examples = Collections.unmodifiableMap(new TreeMap<>(examples));
    }
}
