package dev.rapport.nlu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained models on disk: {@code <language>-<task>.bin} per model and {@code training.sha256}
 * holding the {@link TrainingData#hash()} they were trained from.
 *
 * <p>Every file is written to a temporary name and moved into place, and the hash file goes last,
 * so a reader never pairs a new hash with old models; several instances starting at once at worst
 * train twice and write identical files. A cache that cannot be read is treated as absent.
 */
final class ModelCache {

    private static final Logger log = LoggerFactory.getLogger(ModelCache.class);
    static final String HASH_FILE = "training.sha256";

    private final Path cacheDir;

    ModelCache(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    Path modelFile(String language, Task task) {
        return cacheDir.resolve(language + "-" + task.label() + ".bin");
    }

    /** The cached models when they were trained from {@code trainingHash}; empty otherwise. */
    Optional<Map<String, LanguageModels>> read(String trainingHash) {
        Path hashFile = cacheDir.resolve(HASH_FILE);
        try {
            if (!Files.isRegularFile(hashFile)
                    || !Files.readString(hashFile, StandardCharsets.US_ASCII)
                            .strip()
                            .equals(trainingHash)) {
                return Optional.empty();
            }
            Map<String, LanguageModels> models = new LinkedHashMap<>();
            for (String language : TrainingData.LANGUAGES) {
                models.put(
                        language,
                        new LanguageModels(readModel(language, Task.INTENT), readModel(language, Task.SENTIMENT)));
            }
            return Optional.of(models);
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the NLU model cache in {}: {}; the models will be retrained", cacheDir, e.toString());
            return Optional.empty();
        }
    }

    /** Writes all models, then the hash that makes them current. */
    void write(String trainingHash, Map<String, LanguageModels> models) {
        try {
            Files.createDirectories(cacheDir);
            Files.deleteIfExists(cacheDir.resolve(HASH_FILE));
            for (var entry : models.entrySet()) {
                for (Task task : Task.values()) {
                    writeModel(
                            modelFile(entry.getKey(), task),
                            entry.getValue().get(task).model());
                }
            }
            Path temporary = Files.createTempFile(cacheDir, HASH_FILE, ".tmp");
            Files.writeString(temporary, trainingHash + "\n", StandardCharsets.US_ASCII);
            moveIntoPlace(temporary, cacheDir.resolve(HASH_FILE));
        } catch (IOException e) {
            throw new NluException(
                    "cannot write NLU models to " + cacheDir + ": " + e.getMessage()
                            + "; make the directory writable or choose another with --cache-dir or RAPPORT_DATA_DIR",
                    e);
        }
    }

    private Categorizer readModel(String language, Task task) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(modelFile(language, task)))) {
            AbstractModel model = new GenericModelReader(new BinaryFileDataReader(in)).getModel();
            return new Categorizer(language, model);
        }
    }

    private static void writeModel(Path file, AbstractModel model) throws IOException {
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            new GenericModelWriter(model, out).persist();
        }
        moveIntoPlace(temporary, file);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
