package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.offer.Campaigns;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code campaign send --offer ID [--tier T] [--dry-run]} and {@code campaign status --offer ID}. */
@Command(name = "campaign", description = "Sends an offer to the customers of its tiers, and shows progress.",
        subcommands = {CampaignCommand.Send.class, CampaignCommand.Status.class})
final class CampaignCommand {

    @Command(name = "send", description = "Plans the offer for every customer of its tiers (once per customer; "
            + "running it again plans only newcomers); the running server's job offer.campaign_sends delivers "
            + "them at the configured rate, outside quiet hours, to customers who still consent.")
    static final class Send implements Callable<Integer> {
        @Mixin
        OffersCommand.Files files;

        @Option(names = "--offer", required = true, description = "Offer id from the catalogue.")
        String offer;

        @Option(names = "--tier", description = "Only this tier: key, major, ordinary or small.")
        String tier;

        @Option(names = "--dry-run", description = "Print who would receive what; plan and send nothing.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RapportConfig settings = files.config.load();
            try (Database database = OffersCommand.open(settings)) {
                return run(database, settings, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
        }

        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            try {
                new Campaigns(OffersCommand.offers(files.offers, settings)).send(database.jdbi(), offer, tier, dryRun, out);
                out.flush();
                return 0;
            } catch (RuntimeException e) {
                return OffersCommand.refused(err, e);
            }
        }
    }

    @Command(name = "status", description = "How far a campaign is: sends planned, sent and skipped (with why).")
    static final class Status implements Callable<Integer> {
        @Mixin
        OffersCommand.Files files;

        @Option(names = "--offer", required = true, description = "Offer id from the catalogue.")
        String offer;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RapportConfig settings = files.config.load();
            try (Database database = OffersCommand.open(settings)) {
                return run(database, settings, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
        }

        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            try {
                new Campaigns(OffersCommand.offers(files.offers, settings)).status(database.jdbi(), offer, out);
                out.flush();
                return 0;
            } catch (RuntimeException e) {
                return OffersCommand.refused(err, e);
            }
        }
    }
}
