package dev.rapport.cli;

import dev.rapport.config.ConfigException;
import dev.rapport.config.RapportConfig;
import dev.rapport.offer.OfferFeature;
import dev.rapport.offer.OfferSettings;
import dev.rapport.offer.Offers;
import dev.rapport.offer.Redemptions;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code offers redeem CODE} and {@code offers stats}. */
@Command(name = "offers", description = "Redeems offer codes and shows offer figures.",
        subcommands = {OffersCommand.Redeem.class, OffersCommand.Stats.class})
final class OffersCommand {

    /** Opens the configured database (attaching to a running embedded one) and migrates it. */
    static Database open(RapportConfig settings) {
        Database database = settings.embeddedDatabase() ? Database.embedded(settings.dataDir(), 2)
                : Database.connect(settings.databaseUrl(), 2);
        database.migrate();
        return database;
    }

    static Offers offers(Path offersFile, RapportConfig settings) {
        return new Offers(OfferSettings.load(offersFile), settings.timeZone(), Clock.systemUTC());
    }

    /** The options every offer and campaign command shares. */
    static final class Files {
        @Mixin
        ConfigOption config;

        @Option(names = "--offers", description = "Offer catalogue (default: ${DEFAULT-VALUE}).")
        Path offers = OfferFeature.SETTINGS;
    }

    @Command(name = "redeem", description = "Marks a customer's offer code as used; a code works once.")
    static final class Redeem implements Callable<Integer> {
        @Mixin
        Files files;

        @Parameters(paramLabel = "CODE", description = "The code the customer shows, such as ABCD2345EF.")
        String code;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RapportConfig settings = files.config.load();
            try (Database database = open(settings)) {
                return run(database, settings, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
        }

        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            try {
                var redeemed = new Redemptions(database.jdbi(), offers(files.offers, settings)).redeem(code, "cli");
                out.printf("Redeemed %s: offer %s, customer %d (%s tier) at %s%n", redeemed.code(), redeemed.offer(),
                        redeemed.customerId(), redeemed.tier(), redeemed.redeemedAt());
                return 0;
            } catch (Redemptions.Refused e) {
                err.println("Not redeemed: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "stats", description = "Codes issued, value and redemptions per offer and tier.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        Files files;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RapportConfig settings = files.config.load();
            try (Database database = open(settings)) {
                return run(database, settings, spec.commandLine().getOut());
            }
        }

        int run(Database database, RapportConfig settings, PrintWriter out) {
            new Redemptions(database.jdbi(), offers(files.offers, settings)).stats(out);
            out.flush();
            return 0;
        }
    }

    /** For commands that name an offer: an unknown one is a usage error, said plainly. */
    static int refused(PrintWriter err, RuntimeException e) {
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        throw e;
    }
}
