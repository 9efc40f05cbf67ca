package dev.rapport.cli;

import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.importing.ImportReport;
import dev.rapport.customer.importing.Problem;
import dev.rapport.customer.importing.Progress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What the customers, purchases and tiers commands share: settings, the database, import output. */
final class CustomerCommands {

    private CustomerCommands() {}

    /** The {@code --tiers-config} option: the customers-and-tiers settings file. */
    static final class TiersConfigOption {
        @Option(
                names = "--tiers-config",
                description = "Customers and tiers settings (default: tiers.yaml next to the settings file).")
        Path file;

        CustomerSettings load(dev.rapport.config.RapportConfig settings) {
            return CustomerSettings.load(file != null ? file : settings.featureFile("tiers.yaml"));
        }
    }

    /** Who runs the command, for the audit log. */
    static final class ByOption {
        @Option(names = "--by", description = "Who does this, for the audit log (default: the operating-system user).")
        String by;
    }

    /** A bar on stderr when it is a terminal, or when asked for with {@code --progress}. */
    static Progress progress(Path file, boolean asked) throws java.io.IOException {
        return asked || System.console() != null ? new Progress(System.err, Files.size(file)) : Progress.NONE;
    }

    /** Prints the summary and the rejected rows; exit code 0 when every row was taken, 1 when some were rejected. */
    static int print(ImportReport report, PrintStream out) {
        out.println(report.summary());
        for (Problem problem : report.problems()) {
            out.println("  " + problem);
        }
        if (report.rejected() > report.problems().size()) {
            out.println("  … and " + (report.rejected() - report.problems().size()) + " more rejected rows");
        }
        return report.rejected() == 0 ? 0 : 1;
    }
}
