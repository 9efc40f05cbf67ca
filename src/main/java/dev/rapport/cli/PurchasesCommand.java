package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.customer.AuditLog;
import dev.rapport.customer.importing.Imports;
import dev.rapport.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "purchases",
        description = "Imports purchases.",
        subcommands = {PurchasesCommand.Import.class})
final class PurchasesCommand {

    @Command(
            name = "import",
            description = "Imports (upserts on external_id) purchases from a CSV file: "
                    + "external_id,customer_external_id,amount,purchased_at[,margin,currency]. "
                    + "Exit code 1 when some rows were rejected.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        CustomerCommands.ByOption by;

        @Mixin
        LangOption lang;

        @Option(names = "--progress", description = "Draw a progress bar on stderr even when it is not a terminal.")
        boolean progress;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            RapportConfig settings = config.load();
            var labels = lang.labels();
            try (var database = Database.openMigrated(settings, 4)) {
                var report = new Imports(database.jdbi())
                        .purchases(
                                file,
                                settings.timeZone(),
                                CustomerCommands.progress(file, progress),
                                AuditLog.actor(by.by));
                return CustomerCommands.print(report, System.out, labels);
            } catch (Imports.BadFile e) {
                System.err.println(labels.get(
                        "customers.import.nothing", e.file(), e.problem().describe(labels)));
                return 2;
            }
        }
    }
}
