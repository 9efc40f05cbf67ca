package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import dev.rapport.winback.WinbackReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code winback report}. */
@Command(name = "winback", description = "Win-back figures.", subcommands = WinbackCommand.Report.class)
final class WinbackCommand {

    @Command(name = "report", description = "Cases, answers, won-back rate per tier, and the reasons customers gave.")
    static final class Report implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RapportConfig settings = config.load();
            try (Database database = OffersCommand.open(settings)) {
                return run(database, spec.commandLine().getOut());
            }
        }

        int run(Database database, PrintWriter out) {
            WinbackReport.print(database.jdbi(), out);
            out.flush();
            return 0;
        }
    }
}
