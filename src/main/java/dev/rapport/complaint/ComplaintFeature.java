package dev.rapport.complaint;

import dev.rapport.engine.Action;
import dev.rapport.engine.HandoffPort;
import dev.rapport.engine.Outreach;
import dev.rapport.feature.Feature;
import dev.rapport.schedule.Job;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The complaints feature as {@code App} registers it: settings from {@code config/complaints.yaml},
 * the intake and status actions, the jobs {@code complaint.sla_check}, {@code complaint.followup} and
 * {@code complaint.close_unanswered}, and the message keys its actions say. Immutable; thread-safe.
 */
public final class ComplaintFeature implements Feature {

    /** Message keys the actions compose; flows name the rest. The follow-up keys are named by the survey file. */
    static final Set<String> MESSAGE_KEYS = Set.of(
            "complaint.apology.product",
            "complaint.apology.delivery",
            "complaint.apology.service",
            "complaint.apology.billing",
            "complaint.apology.other",
            "complaint.category.product",
            "complaint.category.delivery",
            "complaint.category.service",
            "complaint.category.billing",
            "complaint.category.other",
            "complaint.status.open",
            "complaint.status.in_progress",
            "complaint.status.resolved",
            "complaint.status.closed",
            "complaint.status.reopened",
            "complaint.status_line",
            "complaint.within_one_hour",
            "complaint.within_hours",
            "complaint.followup_reopened",
            "complaint.followup_thanks");

    private final List<Action> actions;
    private final List<Job> jobs;

    private ComplaintFeature(
            ComplaintsConfig config, Jdbi jdbi, Outreach outreach, ZoneId zone, Supplier<HandoffPort> handoffs) {
        this.actions = List.of(
                new IntakeActions.Begin(),
                new IntakeActions.CheckOrder(config),
                new OpenComplaint(config, zone),
                new StatusAction(zone),
                new ReviewFollowup());
        this.jobs = new ComplaintJobs(jdbi, config, outreach, handoffs).all();
    }

    /** Reads and checks the settings file (defaults when it is missing); a wrong value stops the start. */
    public static ComplaintFeature create(Path settingsFile, Jdbi jdbi, Outreach outreach, ZoneId zone) {
        return create(settingsFile, jdbi, outreach, zone, () -> HandoffPort.NONE);
    }

    /**
     * With an SLA breach handing the customer's chat to a person through {@code handoffs}; the
     * supplier is read each time a job runs, so the port may be built after the flows load.
     */
    public static ComplaintFeature create(
            Path settingsFile, Jdbi jdbi, Outreach outreach, ZoneId zone, Supplier<HandoffPort> handoffs) {
        return new ComplaintFeature(ComplaintsConfig.load(settingsFile), jdbi, outreach, zone, handoffs);
    }

    @Override
    public String name() {
        return "complaint";
    }

    @Override
    public List<Action> actions() {
        return actions;
    }

    @Override
    public List<Job> jobs() {
        return jobs;
    }

    @Override
    public Set<String> messageKeys() {
        return MESSAGE_KEYS;
    }
}
