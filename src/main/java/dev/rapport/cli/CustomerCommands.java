package dev.rapport.cli;

import dev.rapport.customer.CustomerRef;
import dev.rapport.customer.CustomerSettings;
import dev.rapport.customer.importing.ImportReport;
import dev.rapport.customer.importing.Problem;
import dev.rapport.customer.importing.Progress;
import dev.rapport.store.Labels;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
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

    /**
     * The customer a command names (the shop's external id, or Rapport's id), or an error in the reader's
     * words that says what was looked for.
     */
    static long customer(Handle handle, String reference, Labels labels) {
        return CustomerRef.find(handle, reference)
                .orElseThrow(() -> new IllegalArgumentException(labels.get("customers.unknown", reference)));
    }

    /** Prints the summary and the rejected rows; exit code 0 when every row was taken, 1 when some were rejected. */
    static int print(ImportReport report, PrintStream out, Labels labels) {
        out.println(report.summary(labels));
        for (Problem problem : report.problems()) {
            out.println("  " + problem.describe(labels));
        }
        if (report.rejected() > report.problems().size()) {
            out.println("  "
                    + labels.get(
                            "customers.import.more_rejected",
                            "%,d"
                                    .formatted(report.rejected()
                                            - report.problems().size())));
        }
        return report.rejected() == 0 ? 0 : 1;
    }
}
