package dev.rapport.complaint;

import dev.rapport.engine.Action;
import dev.rapport.engine.Outreach;
import dev.rapport.schedule.Job;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The complaints feature as the composition root wires it: its actions, its jobs and the message
 * keys its actions say (start-up checks each is in every language).
 */
public final class Complaints {

    /** Message keys the actions compose; flows name the rest. The follow-up keys are named by the survey file. */
    public static final Set<String> MESSAGE_KEYS = Set.of(
            "complaint.apology.product", "complaint.apology.delivery", "complaint.apology.service",
            "complaint.apology.billing", "complaint.apology.other",
            "complaint.category.product", "complaint.category.delivery", "complaint.category.service",
            "complaint.category.billing", "complaint.category.other",
            "complaint.status.open", "complaint.status.in_progress", "complaint.status.resolved",
            "complaint.status.closed", "complaint.status.reopened", "complaint.status_line",
            "complaint.within_one_hour", "complaint.within_hours",
            "complaint.followup_reopened", "complaint.followup_thanks");

    private Complaints() {
    }

    public static List<Action> actions(ComplaintsConfig config, ZoneId zone) {
        return List.of(new IntakeActions.Begin(), new IntakeActions.CheckOrder(config), new OpenComplaint(config, zone),
                new StatusAction(zone), new ReviewFollowup());
    }

    /** {@code complaint.sla_check}, {@code complaint.followup} and {@code complaint.close_unanswered}. */
    public static List<Job> jobs(Jdbi jdbi, ComplaintsConfig config, Outreach outreach) {
        return jobs(jdbi, config, outreach, dev.rapport.engine.HandoffPort.NONE);
    }

    /** The jobs, with an SLA breach handing the customer's chat to a person through {@code handoffs}. */
    public static List<Job> jobs(Jdbi jdbi, ComplaintsConfig config, Outreach outreach,
                                 dev.rapport.engine.HandoffPort handoffs) {
        return new ComplaintJobs(jdbi, config, outreach, handoffs).all();
    }
}
