package dev.rapport.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the training files and the trained models are; shared by the {@code nlu} subcommands. */
final class NluLocations {

    @Option(
            names = "--nlu-dir",
            defaultValue = "conversations/nlu",
            paramLabel = "DIR",
            description =
                    "Training files (<language>/intents.tsv, <language>/sentiment.tsv). Default: ${DEFAULT-VALUE}")
    Path nluDir;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description =
                    "Where trained models are kept. Default: $RAPPORT_DATA_DIR/nlu, or ./data/nlu when RAPPORT_DATA_DIR is unset")
    Path cacheDir;

    Path cacheDir() {
        return cacheDir != null ? cacheDir : defaultCacheDir(System.getenv());
    }

    static Path defaultCacheDir(Map<String, String> environment) {
        String dataDir = environment.get("RAPPORT_DATA_DIR");
        return dataDir == null || dataDir.isBlank() ? Path.of("data", "nlu") : Path.of(dataDir, "nlu");
    }
}
