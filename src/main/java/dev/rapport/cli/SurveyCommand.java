package dev.rapport.cli;

import dev.rapport.config.RapportConfig;
import dev.rapport.inbox.OutreachQueue;
import dev.rapport.store.Database;
import dev.rapport.store.Labels;
import dev.rapport.survey.SurveyCampaign;
import dev.rapport.survey.SurveyExport;
import dev.rapport.survey.SurveyFeature;
import dev.rapport.survey.SurveyResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rapport survey list | send | results | export}: campaigns and results of the satisfaction surveys. */
@Command(
        name = "survey",
        description = "Lists surveys, sends survey campaigns and reads survey results.",
        mixinStandardHelpOptions = true,
        subcommands = {
            SurveyCommand.ListSurveys.class,
            SurveyCommand.Send.class,
            SurveyCommand.Results.class,
            SurveyCommand.Export.class
        })
final class SurveyCommand {

    /** Opens the configured database (attaching to a running embedded one), migrated, for one command. */
    static <T> T withDatabase(RapportConfig settings, Function<Database, T> work) {
        try (Database database = Database.openMigrated(settings, 2)) {
            return work.apply(database);
        }
    }

    static SurveyFeature surveys(RapportConfig settings, Database database) {
        return SurveyFeature.load(
                settings.conversationsDir(),
                settings.featureFile("surveys.yaml"),
                database.jdbi(),
                java.time.Clock.systemUTC());
    }

    /** The start of {@code date} in the business's time zone; null without a date. */
    static OffsetDateTime since(LocalDate date, RapportConfig settings) {
        return date == null ? null : date.atStartOfDay(settings.timeZone()).toOffsetDateTime();
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the surveys of conversations/surveys with their questions.")
    static final class ListSurveys implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            RapportConfig settings = config.load();
            var labels = lang.labels();
            var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            withDatabase(settings, database -> surveys(settings, database).questions())
                    .forEach((id, questions) -> out.println(
                            labels.get("survey.list_line", id, questions.size(), String.join(", ", questions))));
            return 0;
        }
    }

    /** Null when the survey exists; else the exit code after saying which surveys there are. */
    static Integer unknown(RapportConfig settings, String survey, Labels labels) {
        var known = withDatabase(
                        settings, database -> surveys(settings, database).questions())
                .keySet();
        if (known.contains(survey)) {
            return null;
        }
        System.err.println(labels.get("survey.unknown", survey, String.join(", ", known)));
        return 2;
    }

    @Command(
            name = "send",
            mixinStandardHelpOptions = true,
            description = "Sends a survey to a segment: never to opted-out or unreachable customers, at most once per "
                    + "customer within the frequency cap (config/surveys.yaml). Running it again sends nothing twice.")
    static final class Send implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--survey", required = true, description = "Survey id (conversations/surveys/<id>.yaml).")
        String survey;

        @Option(names = "--tier", description = "Only customers of this tier: key, major, ordinary or small.")
        String tier;

        @Option(
                names = "--campaign",
                description =
                        "Campaign name (default: <survey>-<today's date>); a campaign " + "invites each customer once.")
        String campaign;

        @Option(names = "--dry-run", description = "Prints who would be invited and who not, and sends nothing.")
        boolean dryRun;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            RapportConfig settings = config.load();
            var labels = lang.labels();
            Integer unknown = unknown(settings, survey, labels);
            if (unknown != null) {
                return unknown;
            }
            String name = campaign != null ? campaign : survey + "-" + LocalDate.now(settings.timeZone());
            var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            return withDatabase(settings, database -> {
                var sender = new SurveyCampaign(surveys(settings, database), new OutreachQueue());
                SurveyCampaign.Plan plan;
                try {
                    plan = sender.plan(
                            database.jdbi(), survey, tier == null ? null : dev.rapport.domain.Tier.of(tier), name);
                } catch (IllegalArgumentException wrong) {
                    System.err.println(wrong.getMessage()); // an unknown tier, said by Tier
                    return 2;
                }
                SurveyCampaign.print(plan, out, labels);
                if (dryRun) {
                    out.println(labels.get("campaign.dry_run"));
                    return 0;
                }
                int sent = sender.send(database.jdbi(), survey, plan);
                out.println(labels.get("campaign.queued", sent));
                return 0;
            });
        }
    }

    @Command(
            name = "results",
            mixinStandardHelpOptions = true,
            description = "Prints response rate, CSAT, NPS and CES of a survey, overall and by tier.")
    static final class Results implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--survey", required = true, description = "Survey id.")
        String survey;

        @Option(names = "--since", description = "Only responses since this date (YYYY-MM-DD, business time zone).")
        LocalDate since;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            RapportConfig settings = config.load();
            var labels = lang.labels();
            Integer unknown = unknown(settings, survey, labels);
            if (unknown != null) {
                return unknown;
            }
            var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            return withDatabase(settings, database -> {
                var figures = SurveyResults.compute(database.jdbi(), survey, since(since, settings));
                SurveyResults.print(
                        survey,
                        since == null
                                ? labels.get("survey.all_responses")
                                : labels.get("survey.responses_since", since),
                        figures,
                        out,
                        labels);
                return 0;
            });
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Writes every answer of a survey, one row per answer.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--survey", required = true, description = "Survey id.")
        String survey;

        @Option(names = "--format", defaultValue = "csv", description = "Output format: csv (the only one).")
        String format;

        @Option(names = "--since", description = "Only responses since this date (YYYY-MM-DD, business time zone).")
        LocalDate since;

        @Option(names = "--output", description = "File to write (default: standard output).")
        Path output;

        @Mixin
        LangOption lang;

        @Override
        public Integer call() {
            var labels = lang.labels();
            if (!"csv".equals(format)) {
                System.err.println(labels.get("survey.unknown_format", format));
                return 2;
            }
            RapportConfig settings = config.load();
            Integer unknown = unknown(settings, survey, labels);
            if (unknown != null) {
                return unknown;
            }
            return withDatabase(settings, database -> {
                if (output == null) { // standard output stays open for whoever runs the command
                    SurveyExport.csv(
                            database.jdbi(),
                            survey,
                            since(since, settings),
                            settings.timeZone(),
                            new PrintWriter(System.out, false, StandardCharsets.UTF_8));
                    return 0;
                }
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                    int rows =
                            SurveyExport.csv(database.jdbi(), survey, since(since, settings), settings.timeZone(), out);
                    System.out.println(labels.get("survey.exported", rows, output));
                } catch (IOException e) {
                    throw new UncheckedIOException(labels.get("survey.cannot_write", output), e);
                }
                return 0;
            });
        }
    }
}
