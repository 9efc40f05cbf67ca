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
import picocli.CommandLine.Command;

/**
 * {@code complaints list|show|progress|resolve|close}: staff's side of complaints on the command
 * line. Opens the configured database (attaching to a running embedded one) for each command.
 * Errors a change cannot make (resolving a closed ticket, an unknown ticket) are printed with what
 * is allowed, and exit with status 1.
 */
@Command(name = "complaints", mixinStandardHelpOptions = true,
        description = "Lists, shows, resolves and closes customers' complaints.",
        subcommands = {ComplaintViewCommands.List.class, ComplaintViewCommands.Show.class,
                ComplaintChangeCommands.Progress.class, ComplaintChangeCommands.Resolve.class,
                ComplaintChangeCommands.Close.class})
final class ComplaintsCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Database given;   // null: open the configured database
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
        try (Database database = settings.embeddedDatabase()
                ? Database.embedded(settings.dataDir(), 2)
                : Database.connect(settings.databaseUrl(), 2)) {
            database.migrate();
            return guarded(err, () -> work.run(new ComplaintDesk(database.jdbi(), new OutreachQueue()),
                    settings.timeZone()));
        }
    }

    private static int guarded(PrintWriter err, java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (ComplaintException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "-" : TIME.format(instant.atZone(zone));
    }
}
