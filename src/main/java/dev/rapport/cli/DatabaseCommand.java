package dev.rapport.cli;

import dev.rapport.config.ConfigException;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the database: reads the settings, opens the configured database (attaching
 * to a running embedded one), migrates it and hands it to {@link #run}, which tests call directly
 * with their own database.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    LangOption lang;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        RapportConfig settings = config.load();
        try (Database database = Database.openMigrated(settings, 2)) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                return run(database, settings, out, err);
            } catch (ConfigException | IllegalArgumentException e) {
                err.println(e.getMessage()); // an unknown offer, a tier it is not for: said plainly
                return 2;
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    /** The words for headings and labels, in the language of {@code --lang} (the system's when run directly). */
    dev.rapport.store.Labels labels() {
        return lang == null ? CliTexts.labels(LangOption.system(java.util.Locale.getDefault())) : lang.labels();
    }

    /** Does the work; returns the exit code. */
    abstract int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err);
}
