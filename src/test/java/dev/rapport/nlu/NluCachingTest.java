package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NluCachingTest {

    @TempDir
    Path dir;

    private Map<Path, FileTime> modelFileTimes(Path cacheDir) throws IOException {
        Map<Path, FileTime> times = new LinkedHashMap<>();
        ModelCache cache = new ModelCache(cacheDir);
        for (String language : TrainingData.LANGUAGES) {
            for (Task task : Task.values()) {
                Path file = cache.modelFile(language, task);
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        times.put(
                cacheDir.resolve(ModelCache.HASH_FILE),
                Files.getLastModifiedTime(cacheDir.resolve(ModelCache.HASH_FILE)));
        return times;
    }

    @Test
    void trainsOnceThenLoadsTheCachedModels() throws IOException {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        Path cacheDir = dir.resolve("cache");

        Nlu first = Nlu.load(nluDir, cacheDir);
        assertThat(first.loadReport().trained()).isTrue();
        assertThat(first.loadReport().examples())
                .containsEntry("en/intents.tsv", 24)
                .containsEntry("zh/sentiment.tsv", 12);
        Map<Path, FileTime> written = modelFileTimes(cacheDir);

        Nlu second = Nlu.load(nluDir, cacheDir);
        assertThat(second.loadReport().trained()).isFalse();
        assertThat(second.loadReport().trainingHash())
                .isEqualTo(first.loadReport().trainingHash());
        assertThat(modelFileTimes(cacheDir)).isEqualTo(written);
        for (String text : new String[] {"where is my order", "我要退款", "terrible service 😡"}) {
            assertThat(second.understand(text, LanguagePrior.none()))
                    .isEqualTo(first.understand(text, LanguagePrior.none()));
        }
    }

    @Test
    void retrainsWhenATrainingFileChanges() throws IOException {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        Path cacheDir = dir.resolve("cache");
        String before = Nlu.load(nluDir, cacheDir).loadReport().trainingHash();

        Files.writeString(
                nluDir.resolve("zh/intents.tsv"), "refund\t把钱退给我\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Nlu changed = Nlu.load(nluDir, cacheDir);

        assertThat(changed.loadReport().trained()).isTrue();
        assertThat(changed.loadReport().trainingHash()).isNotEqualTo(before);
        assertThat(changed.loadReport().examples()).containsEntry("zh/intents.tsv", 25);
        assertThat(Nlu.load(nluDir, cacheDir).loadReport().trained()).isFalse();
    }

    @Test
    void retrainsInsteadOfFailingWhenACachedModelIsDamaged() throws IOException {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        Path cacheDir = dir.resolve("cache");
        Nlu.load(nluDir, cacheDir);
        Files.writeString(new ModelCache(cacheDir).modelFile("en", Task.SENTIMENT), "not a model");

        Nlu repaired = Nlu.load(nluDir, cacheDir);

        assertThat(repaired.loadReport().trained()).isTrue();
        assertThat(repaired.understand("love it!", LanguagePrior.none()).sentiment())
                .isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void trainAlwaysTrains() {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        Path cacheDir = dir.resolve("cache");
        Nlu.load(nluDir, cacheDir);
        assertThat(Nlu.train(nluDir, cacheDir).loadReport().trained()).isTrue();
    }

    @Test
    void namesAMissingTrainingFile() throws IOException {
        Path nluDir = TinyData.copyTo(dir.resolve("nlu"));
        Files.delete(nluDir.resolve("zh/sentiment.tsv"));
        assertThatThrownBy(() -> Nlu.load(nluDir, dir.resolve("cache")))
                .isInstanceOf(NluException.class)
                .hasMessageContaining("sentiment.tsv does not exist");
    }
}
