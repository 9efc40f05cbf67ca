package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.offer.Redemptions;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code offers redeem CODE} and {@code offers stats}. */
@Command(
        name = "offers",
        mixinStandardHelpOptions = true,
        description = "Redeems offer codes and shows offer figures.",
        subcommands = {OffersCommand.Redeem.class, OffersCommand.Stats.class})
final class OffersCommand {

    @Command(
            name = "redeem",
            mixinStandardHelpOptions = true,
            description = "Marks a customer's offer code as used; a code works once.")
    static final class Redeem extends DatabaseCommand {
        @Mixin
        OffersOption offers = new OffersOption();

        @Parameters(paramLabel = "CODE", description = "The code the customer shows, such as ABCD2345EF.")
        String code;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            try {
                var redeemed = new Redemptions(database.jdbi(), offers.load(settings)).redeem(code, "cli");
                out.println(labels().get(
                                "offers.redeemed_code",
                                redeemed.code(),
                                redeemed.offer(),
                                redeemed.customerId(),
                                redeemed.tier(),
                                redeemed.redeemedAt()));
                return 0;
            } catch (Redemptions.Refused e) {
                err.println(labels().get("offers.not_redeemed", e.getMessage()));
                return 1;
            }
        }
    }

    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            description = "Codes issued, value and redemptions per offer and tier.")
    static final class Stats extends DatabaseCommand {
        @Mixin
        OffersOption offers = new OffersOption();

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            new Redemptions(database.jdbi(), offers.load(settings)).stats(out, labels());
            return 0;
        }
    }
}
