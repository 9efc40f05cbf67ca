package dev.rapport.complaint;

import dev.rapport.engine.Action;
import dev.rapport.engine.ActionContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code complaint_status} (/status): the customer's latest tickets and where each stands, composed
 * in their language into slot {@code tickets}. Outcome {@code none} when they have none. Stateless;
 * thread-safe.
 */
final class StatusAction implements Action {

    static final int SHOWN = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private final ZoneId zone;

    StatusAction(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "complaint_status";
    }

    @Override
    public String run(ActionContext context) {
        List<Complaint> complaints =
                ComplaintStore.ofCustomer(context.handle(), context.customer().id(), SHOWN);
        if (complaints.isEmpty()) {
            return "none";
        }
        context.setSlot(
                "tickets",
                complaints.stream()
                        .map(complaint -> context.text(
                                "complaint.status_line",
                                Map.of(
                                        "ticket", complaint.ticket(),
                                        "category",
                                                context.text("complaint.category." + complaint.category(), Map.of()),
                                        "status",
                                                context.text(
                                                        "complaint.status."
                                                                + complaint
                                                                        .status()
                                                                        .code(),
                                                        Map.of()),
                                        "date", DAY.format(complaint.createdAt().atZone(zone)))))
                        .collect(Collectors.joining("\n")));
        return OK;
    }
}
