package dev.rapport.cli;

import dev.rapport.complaint.Complaint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code complaints progress|resolve|close}: staff change a ticket's status; each change is recorded with who and why. */
final class ComplaintChangeCommands {

    private ComplaintChangeCommands() {}

    /** What every change command takes: the ticket, who makes the change, and the settings. */
    abstract static class Change extends ComplaintsCommand.Subcommand {
        @Parameters(paramLabel = "TICKET", description = "The ticket number, such as C-240117-0042.")
        String ticket;

        @Option(
                names = "--by",
                defaultValue = "${sys:user.name}",
                description = "Who makes the change, for the ticket's history (default: ${DEFAULT-VALUE}).")
        String by;

        abstract Complaint change(dev.rapport.complaint.ComplaintDesk desk);

        abstract String done(Complaint complaint);

        @Override
        public Integer call() {
            return run((desk, zone, out) -> out.println(done(change(desk))));
        }
    }

    @Command(name = "progress", description = "Marks a ticket as taken in hand by a person.")
    static final class Progress extends Change {
        @Override
        Complaint change(dev.rapport.complaint.ComplaintDesk desk) {
            return desk.progress(ticket, by);
        }

        @Override
        String done(Complaint complaint) {
            return complaint.ticket() + " is now in progress.";
        }
    }

    @Command(name = "resolve", description = "Resolves a ticket and sends the note to the customer in their chat.")
    static final class Resolve extends Change {
        @Option(names = "--note", required = true, description = "What was done; sent to the customer as written.")
        String note;

        @Override
        Complaint change(dev.rapport.complaint.ComplaintDesk desk) {
            return desk.resolve(ticket, note, by);
        }

        @Override
        String done(Complaint complaint) {
            return complaint.ticket() + " is resolved; the note is on its way to the customer, and the follow-up "
                    + "survey follows.";
        }
    }

    @Command(name = "close", description = "Closes a resolved ticket.")
    static final class Close extends Change {
        @Option(names = "--reason", description = "Why, for the ticket's history.")
        String reason;

        @Override
        Complaint change(dev.rapport.complaint.ComplaintDesk desk) {
            return desk.close(ticket, by, reason);
        }

        @Override
        String done(Complaint complaint) {
            return complaint.ticket() + " is closed.";
        }
    }
}
