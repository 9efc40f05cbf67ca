package dev.rapport.cli;

import dev.rapport.complaint.Complaint;
import dev.rapport.complaint.ComplaintChange;
import dev.rapport.complaint.ComplaintDesk;
import dev.rapport.complaint.Status;
import dev.rapport.store.Labels;
import dev.rapport.store.TextTable;
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

    private ComplaintViewCommands() {}

    @Command(name = "list", description = "Lists complaints, newest first.")
    static final class List extends ComplaintsCommand.Subcommand {
        @Option(names = "--status", description = "Only this status: open, in_progress, resolved, closed, reopened.")
        String status;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Optional<Status> wanted =
                    Optional.ofNullable(status).map(code -> Status.of(code).orElse(null));
            if (status != null && wanted.isEmpty()) {
                err().println("Unknown status '" + status + "': expected one of "
                        + Arrays.stream(Status.values()).map(Status::code).collect(Collectors.joining(", ")));
                return 2;
            }
            Labels labels = labels();
            return run((desk, zone, out) -> {
                var complaints = desk.list(wanted, limit);
                var people = desk.people(complaints);
                var table = TextTable.of(
                        labels.get("complaints.ticket"),
                        labels.get("complaints.status"),
                        labels.get("complaints.priority"),
                        labels.get("complaints.tier"),
                        labels.get("complaints.category"),
                        labels.get("complaints.opened"),
                        labels.get("complaints.due"),
                        labels.get("complaints.customer"));
                for (Complaint complaint : complaints) {
                    var person = people.get(complaint.id());
                    table.row(
                            complaint.ticket(),
                            complaint.status().code(),
                            complaint.priority(),
                            complaint.tier(),
                            complaint.category(),
                            ComplaintsCommand.time(complaint.createdAt(), zone),
                            ComplaintsCommand.time(complaint.dueAt(), zone),
                            (person.name() == null ? "" : person.name() + " ") + "#" + complaint.customerId()
                                    + (person.escalated() ? " " + labels.get("complaints.escalated") : "")
                                    + (complaint.slaBreachedAt() == null
                                            ? ""
                                            : " " + labels.get("complaints.sla_breached")));
                }
                table.print(out);
                out.println(labels.get("complaints.count", complaints.size(), zone.getId()));
            });
        }
    }

    @Command(name = "show", description = "Shows one complaint with its whole history.")
    static final class Show extends ComplaintsCommand.Subcommand {
        @Parameters(paramLabel = "TICKET", description = "The ticket number, such as C-240117-0042.")
        String ticket;

        @Override
        public Integer call() {
            Labels labels = labels();
            return run((desk, zone, out) -> print(out, desk.show(ticket), zone, labels));
        }

        private static void print(PrintWriter out, ComplaintDesk.Details details, ZoneId zone, Labels labels) {
            Complaint c = details.complaint();
            var fields = TextTable.of("", "");
            fields.row(labels.get("show.ticket"), c.ticket());
            fields.row(labels.get("show.status"), c.status().code());
            fields.row(
                    labels.get("show.customer"),
                    labels.get(
                            "show.customer_value", c.customerId(), c.tier(), c.language(), c.channel(), c.chatKey()));
            fields.row(labels.get("show.category"), c.category());
            fields.row(labels.get("show.priority"), c.priority());
            fields.row(labels.get("show.opened"), ComplaintsCommand.time(c.createdAt(), zone) + " " + zone.getId());
            fields.row(
                    labels.get("show.due"),
                    labels.get("show.due_value", ComplaintsCommand.time(c.dueAt(), zone), c.slaHours())
                            + (c.slaBreachedAt() == null
                                    ? ""
                                    : labels.get(
                                            "show.sla_breached", ComplaintsCommand.time(c.slaBreachedAt(), zone))));
            fields.row(labels.get("show.order"), c.orderRef() == null ? labels.get("show.none_given") : c.orderRef());
            fields.row(labels.get("show.description"), c.description());
            fields.row(
                    labels.get("show.attachments"),
                    "[]".equals(c.attachments()) ? labels.get("show.none") : c.attachments());
            if (c.resolvedAt() != null) {
                fields.row(
                        labels.get("show.resolved"),
                        ComplaintsCommand.time(c.resolvedAt(), zone) + ": " + c.resolutionNote());
            }
            if (c.followupSentAt() != null) {
                fields.row(
                        labels.get("show.followup"),
                        c.followupAnsweredAt() == null
                                ? labels.get(
                                        "show.followup_unanswered", ComplaintsCommand.time(c.followupSentAt(), zone))
                                : labels.get(
                                        "show.followup_answered",
                                        ComplaintsCommand.time(c.followupSentAt(), zone),
                                        ComplaintsCommand.time(c.followupAnsweredAt(), zone),
                                        c.csat()));
            }
            if (details.followupComment() != null) {
                fields.row(labels.get("show.comment"), labels.get("show.comment_value", details.followupComment()));
            }
            // label and value; the heading row of this two-column table is empty and left out
            fields.lines().stream().skip(1).forEach(out::println);
            out.println(labels.get("show.history"));
            for (ComplaintChange change : details.history()) {
                out.println("  " + ComplaintsCommand.time(change.at(), zone) + "  " + change.type()
                        + (change.toStatus() == null
                                ? ""
                                : " " + (change.fromStatus() == null ? "" : change.fromStatus() + " -> ")
                                        + change.toStatus())
                        + "  " + labels.get("show.by", change.actor())
                        + (change.reason() == null ? "" : ": " + change.reason()));
            }
        }
    }
}
