package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import dev.rapport.winback.WinbackReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code winback report}. */
@Command(
        name = "winback",
        mixinStandardHelpOptions = true,
        description = "Win-back figures.",
        subcommands = WinbackCommand.Report.class)
final class WinbackCommand {

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Cases, answers, won-back rate per tier, and the reasons customers gave.")
    static final class Report extends DatabaseCommand {
        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            WinbackReport.print(database.jdbi(), out, labels());
            return 0;
        }
    }
}
