package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The offer, campaign and win-back commands run against a given database, as {@code call()} would
 * run them (an unknown offer is exit code 2 with the message), for integration tests.
 */
public final class Commands {

    public record Result(int exitCode, String out, String err) {}

    private final Database database;
    private final RapportConfig settings;

    public Commands(Database database, RapportConfig settings) {
        this.database = database;
        this.settings = settings;
    }

    private Result run(DatabaseCommand command) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exit;
        try {
            exit = command.run(database, settings, new PrintWriter(out, true), new PrintWriter(err, true));
        } catch (dev.rapport.config.ConfigException | IllegalArgumentException e) {
            err.append(e.getMessage());
            exit = 2;
        }
        return new Result(exit, out.toString(), err.toString());
    }

    public Result campaignSend(String offer, String tier, boolean dryRun) {
        var command = new CampaignCommand.Send();
        command.offer = offer;
        command.tier = tier;
        command.dryRun = dryRun;
        return run(command);
    }

    public Result campaignStatus(String offer) {
        var command = new CampaignCommand.Status();
        command.offer = offer;
        return run(command);
    }

    public Result redeem(String code) {
        var command = new OffersCommand.Redeem();
        command.code = code;
        return run(command);
    }

    /** {@code offers redeem CODE --lang language}. */
    public Result redeem(String code, String language) {
        var command = new OffersCommand.Redeem();
        command.code = code;
        command.lang = new LangOption();
        command.lang.lang = language;
        return run(command);
    }

    public Result offersStats() {
        return run(new OffersCommand.Stats());
    }

    public Result winbackReport() {
        return run(new WinbackCommand.Report());
    }
}
