package dev.rapport.cli;

import dev.rapport.customer.tier.Tiers;
import dev.rapport.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "tiers", description = "The customer pyramid: key, major, ordinary, small.",
        subcommands = {TiersCommand.Recompute.class, TiersCommand.Summary.class})
final class TiersCommand {

    @Command(name = "recompute", description = "Recomputes every customer's tier now (the nightly job does the same).")
    static final class Recompute implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Mixin CustomerCommands.TiersConfigOption tiers;

        @Override
        public Integer call() {
            var rapport = config.load();
            var settings = tiers.load(rapport);
            try (var database = Database.openMigrated(rapport, 4)) {
                var done = new Tiers(database.jdbi(), settings, Clock.systemUTC()).recompute();
                System.out.printf("%,d customers, %,d with purchases in the last %d months; %,d changed tier (%.1f s)%n",
                        done.customers(), done.ranked(), settings.windowMonths(), done.changed(), done.millis() / 1000.0);
                return 0;
            }
        }
    }

    @Command(name = "summary", description = "Customers per tier and the value bounds of each tier.")
    static final class Summary implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Mixin CustomerCommands.TiersConfigOption tiers;

        @Override
        public Integer call() {
            var rapport = config.load();
            var settings = tiers.load(rapport);
            try (var database = Database.openMigrated(rapport, 4)) {
                var counts = new Tiers(database.jdbi(), settings, Clock.systemUTC()).summary();
                System.out.printf("%-9s %12s %16s %16s%n", "tier", "customers", "lowest value", "highest value");
                for (var count : counts) {
                    System.out.printf("%-9s %,12d %16s %16s%n", count.tier(), count.customers(),
                            count.lowestValue() == null ? "-" : count.lowestValue().toPlainString(),
                            count.highestValue() == null ? "-" : count.highestValue().toPlainString());
                }
                System.out.println("Value: " + (settings.useMargin() ? "margin" : "amount") + " of purchases in the last "
                        + settings.windowMonths() + " months.");
                return 0;
            }
        }
    }
}
