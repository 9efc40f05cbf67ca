package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.offer.Campaigns;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code campaign send --offer ID [--tier T] [--dry-run]} and {@code campaign status --offer ID}. */
@Command(
        name = "campaign",
        mixinStandardHelpOptions = true,
        description = "Sends an offer to the customers of its tiers, and shows progress.",
        subcommands = {CampaignCommand.Send.class, CampaignCommand.Status.class})
final class CampaignCommand {

    @Command(
            name = "send",
            mixinStandardHelpOptions = true,
            description = "Plans the offer for every customer of its tiers (once per customer; "
                    + "running it again plans only newcomers); the running server's job offer.campaign_sends delivers "
                    + "them at the configured rate, outside quiet hours, to customers who still consent.")
    static final class Send extends DatabaseCommand {
        @Mixin
        OffersOption offers = new OffersOption();

        @Option(names = "--offer", required = true, description = "Offer id from the catalogue.")
        String offer;

        @Option(names = "--tier", description = "Only this tier: key, major, ordinary or small.")
        String tier;

        @Option(names = "--dry-run", description = "Print who would receive what; plan and send nothing.")
        boolean dryRun;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            var texts = MessageTexts.load(settings.conversationsDir());
            new Campaigns(offers.load(settings))
                    .send(
                            database.jdbi(),
                            offer,
                            tier == null ? null : dev.rapport.domain.Tier.of(tier),
                            dryRun,
                            out,
                            texts::text,
                            labels());
            return 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "How far a campaign is: sends planned, sent and skipped (with why).")
    static final class Status extends DatabaseCommand {
        @Mixin
        OffersOption offers = new OffersOption();

        @Option(names = "--offer", required = true, description = "Offer id from the catalogue.")
        String offer;

        @Override
        int run(Database database, RapportConfig settings, PrintWriter out, PrintWriter err) {
            new Campaigns(offers.load(settings)).status(database.jdbi(), offer, out, labels());
            return 0;
        }
    }
}
