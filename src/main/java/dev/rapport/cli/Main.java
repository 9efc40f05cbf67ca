package dev.rapport.cli;

import dev.rapport.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
            if (error instanceof ConfigException
                    || error instanceof dev.rapport.flow.FlowValidationException
                    || error instanceof dev.rapport.nlu.NluException) {
                line.getErr().println("Rapport cannot start:");
                line.getErr().println(error.getMessage());
                return 2;
            }
            if (error instanceof org.flywaydb.core.api.FlywayException flyway) {
                line.getErr().println("Rapport cannot start: the database's migrations do not match this version:");
                line.getErr().println(flyway.getMessage());
                line.getErr()
                        .println("(A data directory made by a development build can be moved aside; "
                                + "RAPPORT_DATA_DIR chooses another.)");
                return 2;
            }
            if (error instanceof java.io.UncheckedIOException io) {
                line.getErr()
                        .println("Rapport cannot start: " + io.getMessage() + ": "
                                + io.getCause().getMessage());
                return 2;
            }
            throw error;
        });
        return commandLine.execute(args);
    }
}
