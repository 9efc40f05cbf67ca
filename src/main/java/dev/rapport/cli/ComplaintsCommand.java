package dev.rapport.cli;

import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.complaint.ComplaintException;
import dev.rapport.config.RapportConfig;
import dev.rapport.inbox.OutreachQueue;
import dev.rapport.store.Database;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code complaints list|show|progress|resolve|close}: staff's side of complaints on the command
 * line. Opens the configured database (attaching to a running embedded one) for each command.
 * Errors a change cannot make (resolving a closed ticket, an unknown ticket) are printed with what
 * is allowed, and exit with status 1.
 */
@Command(
        name = "complaints",
        mixinStandardHelpOptions = true,
        description = "Lists, shows, resolves and closes customers' complaints.",
        subcommands = {
            ComplaintViewCommands.List.class,
            ComplaintViewCommands.Show.class,
            ComplaintChangeCommands.Progress.class,
            ComplaintChangeCommands.Resolve.class,
            ComplaintChangeCommands.Close.class
        })
final class ComplaintsCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Database given; // null: open the configured database
    private final ZoneId givenZone;

    ComplaintsCommand() {
        this(null, null);
    }

    /** On an open database, in {@code zone} (tests). */
    ComplaintsCommand(Database database, ZoneId zone) {
        this.given = database;
        this.givenZone = zone;
    }

    /** What a subcommand does with the desk, printing to {@code out}; returns the exit status. */
    interface Work {
        int run(ComplaintDesk desk, ZoneId zone);
    }

    int withDesk(ConfigOption config, PrintWriter err, Work work) {
        if (given != null) {
            return guarded(err, () -> work.run(new ComplaintDesk(given.jdbi(), new OutreachQueue()), givenZone));
        }
        RapportConfig settings = config.load();
        try (Database database = Database.openMigrated(settings, 2)) {
            return guarded(
                    err, () -> work.run(new ComplaintDesk(database.jdbi(), new OutreachQueue()), settings.timeZone()));
        }
    }

    private static int guarded(PrintWriter err, IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (ComplaintException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    /**
     * What every complaints subcommand shares: the parent (which opens the database), the settings
     * option, and picocli's spec for the output streams. {@link #run} runs the work on the desk and
     * prints to {@code out}; refused changes go to {@code err} with status 1.
     */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        ComplaintsCommand parent;

        @Mixin
        ConfigOption config;

        @Mixin
        LangOption lang;

        @Spec
        CommandSpec spec;

        /** The words for headings and labels, in the language of {@code --lang}. */
        dev.rapport.store.Labels labels() {
            return lang == null ? CliTexts.labels(LangOption.system(java.util.Locale.getDefault())) : lang.labels();
        }

        interface Printing {
            void print(ComplaintDesk desk, ZoneId zone, PrintWriter out);
        }

        int run(Printing work) {
            PrintWriter out = spec.commandLine().getOut();
            return parent.withDesk(config, spec.commandLine().getErr(), (desk, zone) -> {
                work.print(desk, zone, out);
                out.flush();
                return 0;
            });
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "-" : TIME.format(instant.atZone(zone));
    }
}
