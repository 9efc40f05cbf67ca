package dev.rapport.cli;

import dev.rapport.config.ConfigLoader;
import dev.rapport.config.RapportConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every command that reads the configuration shares. */
final class ConfigOption {

    @Option(
            names = "--config",
            defaultValue = "config/rapport.yaml",
            description = "Settings file (default: ${DEFAULT-VALUE}); the environment overrides it.")
    Path file;

    RapportConfig load() {
        return ConfigLoader.load(file, System.getenv());
    }
}
