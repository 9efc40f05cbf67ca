package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.offer.OfferFeature;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The offer, campaign and win-back commands run against a given database, for integration tests. */
public final class Commands {

    public record Result(int exitCode, String out, String err) {
    }

    private final Database database;
    private final RapportConfig settings;

    public Commands(Database database, RapportConfig settings) {
        this.database = database;
        this.settings = settings;
    }

    private interface Body {
        int run(PrintWriter out, PrintWriter err);
    }

    private static Result capture(Body body) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = body.run(new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private static OffersCommand.Files files() {
        var files = new OffersCommand.Files();
        files.offers = OfferFeature.SETTINGS;
        return files;
    }

    public Result campaignSend(String offer, String tier, boolean dryRun) {
        var command = new CampaignCommand.Send();
        command.files = files();
        command.offer = offer;
        command.tier = tier;
        command.dryRun = dryRun;
        return capture((out, err) -> command.run(database, settings, out, err));
    }

    public Result campaignStatus(String offer) {
        var command = new CampaignCommand.Status();
        command.files = files();
        command.offer = offer;
        return capture((out, err) -> command.run(database, settings, out, err));
    }

    public Result redeem(String code) {
        var command = new OffersCommand.Redeem();
        command.files = files();
        command.code = code;
        return capture((out, err) -> command.run(database, settings, out, err));
    }

    public Result offersStats() {
        var command = new OffersCommand.Stats();
        command.files = files();
        return capture((out, err) -> command.run(database, settings, out));
    }

    public Result winbackReport() {
        return capture((out, err) -> new WinbackCommand.Report().run(database, out));
    }
}
