package dev.rapport.cli;

import dev.rapport.customer.tier.Tiers;
import dev.rapport.store.Database;
import dev.rapport.store.TextTable;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "tiers",
        description = "The customer pyramid: key, major, ordinary, small.",
        subcommands = {TiersCommand.Recompute.class, TiersCommand.Summary.class})
final class TiersCommand {

    @Command(name = "recompute", description = "Recomputes every customer's tier now (the nightly job does the same).")
    static final class Recompute implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        CustomerCommands.TiersConfigOption tiers;

        @Override
        public Integer call() {
            var rapport = config.load();
            var settings = tiers.load(rapport);
            try (var database = Database.openMigrated(rapport, 4)) {
                var done = new Tiers(database.jdbi(), settings, Clock.systemUTC()).recompute();
                System.out.printf(
                        "%,d customers, %,d with purchases in the last %d months; %,d changed tier (%.1f s)%n",
                        done.customers(),
                        done.ranked(),
                        settings.windowMonths(),
                        done.changed(),
                        done.millis() / 1000.0);
                return 0;
            }
        }
    }

    @Command(name = "summary", description = "Customers per tier and the value bounds of each tier.")
    static final class Summary implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        LangOption lang;

        @Mixin
        CustomerCommands.TiersConfigOption tiers;

        @Override
        public Integer call() {
            var rapport = config.load();
            var settings = tiers.load(rapport);
            try (var database = Database.openMigrated(rapport, 4)) {
                var counts = new Tiers(database.jdbi(), settings, Clock.systemUTC()).summary();
                var labels = lang.labels();
                var table = TextTable.of(
                                labels.get("tiers.tier"),
                                labels.get("tiers.customers"),
                                labels.get("tiers.lowest"),
                                labels.get("tiers.highest"))
                        .right(1, 2, 3);
                for (var count : counts) {
                    table.row(
                            count.tier(),
                            String.format("%,d", count.customers()),
                            count.lowestValue() == null
                                    ? "-"
                                    : count.lowestValue().toPlainString(),
                            count.highestValue() == null
                                    ? "-"
                                    : count.highestValue().toPlainString());
                }
                var out = new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
                table.print(out);
                out.println(labels.get(
                        settings.useMargin() ? "tiers.value_margin" : "tiers.value_amount", settings.windowMonths()));
                return 0;
            }
        }
    }
}
