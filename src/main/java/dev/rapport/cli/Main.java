package dev.rapport.cli;

import dev.rapport.config.ConfigException;
import dev.rapport.domain.Language;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** The {@code rapport} command line. Each subcommand is its own class; this only lists them. */
// scope INHERIT: every subcommand, at every depth, takes --help and --version too; --help never asks
// for a subcommand's required options.
@Command(
        name = "rapport",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "Rapport 0.1",
        description = "An open customer-relationship bot for Telegram and web chat.",
        subcommands = {
            ServeCommand.class,
            MigrateCommand.class,
            WebhookCommand.class,
            NluCommand.class,
            SurveyCommand.class,
            ComplaintsCommand.class,
            CustomersCommand.class,
            PurchasesCommand.class,
            TiersCommand.class,
            CampaignCommand.class,
            OffersCommand.class,
            WinbackCommand.class,
            StaffCommand.class,
            TestCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        var commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            var labels = CliTexts.labels(language(parsed));
            if (error instanceof ConfigException
                    || error instanceof dev.rapport.flow.FlowValidationException
                    || error instanceof dev.rapport.nlu.NluException) {
                line.getErr().println(labels.get("main.cannot_start"));
                line.getErr().println(error.getMessage());
                return 2;
            }
            if (error instanceof org.flywaydb.core.api.FlywayException flyway) {
                line.getErr().println(labels.get("main.migrations_mismatch"));
                line.getErr().println(flyway.getMessage());
                line.getErr().println(labels.get("main.data_dir_hint"));
                return 2;
            }
            if (error instanceof java.io.UncheckedIOException io) {
                line.getErr()
                        .println(labels.get(
                                "main.cannot_start_because",
                                io.getMessage(),
                                io.getCause().getMessage()));
                return 2;
            }
            throw error;
        });
        return commandLine.execute(args);
    }

    /** The language of the command's {@code --lang} (a valid one, on any subcommand), else the system's. */
    private static Language language(ParseResult parsed) {
        for (ParseResult command = parsed; command != null; command = command.subcommand()) {
            if (command.hasMatchedOption("--lang")) {
                String code = command.matchedOptionValue("--lang", "");
                var chosen = Language.fromCode(code.strip().toLowerCase(Locale.ROOT));
                if (chosen.isPresent()) {
                    return chosen.get();
                }
            }
        }
        return LangOption.system(Locale.getDefault());
    }
}
