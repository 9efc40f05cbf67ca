package dev.rapport.cli;

import dev.rapport.complaint.Complaint;
import dev.rapport.complaint.ComplaintChange;
import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.complaint.Status;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code complaints list} and {@code complaints show}: read-only views for staff. */
final class ComplaintViewCommands {

    private ComplaintViewCommands() {
    }

    @Command(name = "list", description = "Lists complaints, newest first.")
    static final class List extends ComplaintsCommand.Subcommand {
        @Option(names = "--status", description = "Only this status: open, in_progress, resolved, closed, reopened.")
        String status;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Optional<Status> wanted = Optional.ofNullable(status).map(code -> Status.of(code).orElse(null));
            if (status != null && wanted.isEmpty()) {
                err().println("Unknown status '" + status + "': expected one of "
                        + Arrays.stream(Status.values()).map(Status::code).collect(Collectors.joining(", ")));
                return 2;
            }
            return run((desk, zone, out) -> {
                var complaints = desk.list(wanted, limit);
                var people = desk.people(complaints);
                out.printf("%-14s %-11s %-8s %-8s %-8s %-16s %-16s %s%n", "TICKET", "STATUS", "PRIORITY", "TIER",
                        "CATEGORY", "OPENED", "DUE", "CUSTOMER");
                for (Complaint complaint : complaints) {
                    var person = people.get(complaint.id());
                    out.printf("%-14s %-11s %-8s %-8s %-8s %-16s %-16s %s%s%s%n", complaint.ticket(),
                            complaint.status().code(), complaint.priority(), complaint.tier(), complaint.category(),
                            ComplaintsCommand.time(complaint.createdAt(), zone),
                            ComplaintsCommand.time(complaint.dueAt(), zone),
                            (person.name() == null ? "" : person.name() + " ") + "#" + complaint.customerId(),
                            person.escalated() ? " ESCALATED" : "",
                            complaint.slaBreachedAt() == null ? "" : " SLA BREACHED");
                }
                out.println(complaints.size() + " complaint(s); times in " + zone.getId());
            });
        }
    }

    @Command(name = "show", description = "Shows one complaint with its whole history.")
    static final class Show extends ComplaintsCommand.Subcommand {
        @Parameters(paramLabel = "TICKET", description = "The ticket number, such as C-240117-0042.")
        String ticket;

        @Override
        public Integer call() {
            return run((desk, zone, out) -> print(out, desk.show(ticket), zone));
        }

        private static void print(PrintWriter out, ComplaintDesk.Details details, ZoneId zone) {
            Complaint c = details.complaint();
            out.println("Ticket:      " + c.ticket());
            out.println("Status:      " + c.status().code());
            out.println("Customer:    #" + c.customerId() + " (" + c.tier() + ", " + c.language() + ") on " + c.channel()
                    + " chat " + c.chatKey());
            out.println("Category:    " + c.category());
            out.println("Priority:    " + c.priority());
            out.println("Opened:      " + ComplaintsCommand.time(c.createdAt(), zone) + " " + zone.getId());
            out.println("Due:         " + ComplaintsCommand.time(c.dueAt(), zone) + " (response promised within "
                    + c.slaHours() + " h)" + (c.slaBreachedAt() == null ? ""
                    : "; SLA breached, noticed " + ComplaintsCommand.time(c.slaBreachedAt(), zone)));
            out.println("Order:       " + (c.orderRef() == null ? "(none given)" : c.orderRef()));
            out.println("Description: " + c.description());
            out.println("Attachments: " + ("[]".equals(c.attachments()) ? "(none)" : c.attachments()));
            if (c.resolvedAt() != null) {
                out.println("Resolved:    " + ComplaintsCommand.time(c.resolvedAt(), zone) + ": " + c.resolutionNote());
            }
            if (c.followupSentAt() != null) {
                out.println("Follow-up:   sent " + ComplaintsCommand.time(c.followupSentAt(), zone)
                        + (c.followupAnsweredAt() == null ? ", not answered"
                        : ", answered " + ComplaintsCommand.time(c.followupAnsweredAt(), zone) + " with CSAT " + c.csat()));
            }
            if (details.followupComment() != null) {
                out.println("Comment:     " + details.followupComment() + " (in the follow-up)");
            }
            out.println("History:");
            for (ComplaintChange change : details.history()) {
                out.println("  " + ComplaintsCommand.time(change.at(), zone) + "  " + change.type()
                        + (change.toStatus() == null ? ""
                        : " " + (change.fromStatus() == null ? "" : change.fromStatus() + " -> ") + change.toStatus())
                        + "  by " + change.actor() + (change.reason() == null ? "" : ": " + change.reason()));
            }
        }
    }
}
