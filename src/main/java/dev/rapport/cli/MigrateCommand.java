package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", description = "Applies the database migrations and exits (serve does this too).")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() {
        RapportConfig settings = config.load();
        var labels = lang.labels();
        try (Database database = Database.openMigrated(settings, 2)) {
            System.out.println(labels.get("database.up_to_date"));
        }
        return 0;
    }
}
