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

    @Override
    public Integer call() {
        RapportConfig settings = config.load();
        try (Database database = Database.openMigrated(settings, 2)) {
            System.out.println("Database is up to date.");
        }
        return 0;
    }
}
