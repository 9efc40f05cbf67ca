package dev.rapport.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a feature's settings file next to {@code rapport.yaml} ({@code complaints.yaml},
 * {@code tiers.yaml}, …) as a YAML tree. A missing or empty file reads as empty, so the feature's
 * defaults run; a file that is not YAML, or not a map at the top, is a {@link ConfigException}
 * naming the file. What the values mean is each feature's to check. Stateless; thread-safe.
 */
public final class FeatureSettings {

    /** The one YAML mapper for settings files; configured once, so sharing it is thread-safe. */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FeatureSettings() {
    }

    /** The file's top-level map, or empty when the file is missing or has nothing in it. */
    public static Optional<JsonNode> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Optional.empty();
        }
        if (!root.isObject()) {
            throw new ConfigException(file + ": expected a map of settings (key: value lines) at the top");
        }
        return Optional.of(root);
    }
}
