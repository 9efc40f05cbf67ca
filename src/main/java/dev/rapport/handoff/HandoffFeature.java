package dev.rapport.handoff;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.engine.Action;
import dev.rapport.engine.HandoffPort;
import dev.rapport.engine.Outreach;
import dev.rapport.feature.Feature;
import dev.rapport.flow.Messages;
import dev.rapport.schedule.Job;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Handing chats to people, as {@code App} wires it, in two steps. {@link #load} reads
 * {@code config/handoff.yaml} and gives the actions flows call and the message keys to check, before
 * the flows are loaded; {@link #start} then builds, with the loaded texts, the desk staff use, the
 * port the engine routes through, and the no-answer job. Immutable; thread-safe.
 */
public final class HandoffFeature implements Feature {

    /** Every key the feature says itself; the survey and flow files name theirs in their own files. */
    static final Set<String> MESSAGE_KEYS = Set.of(
            "handoff.opened",
            "handoff.opened_after_hours",
            "handoff.opened_manager",
            "handoff.opened_manager_after_hours",
            "handoff.still_waiting",
            "handoff.back");

    private final HandoffSettings settings;

    private HandoffFeature(HandoffSettings settings) {
        this.settings = settings;
    }

    /** Reads the settings; a wrong value stops the start with file, field, value and what is expected. */
    public static HandoffFeature load(Path settingsFile, ZoneId businessZone) {
        return new HandoffFeature(HandoffSettings.load(settingsFile, businessZone));
    }

    @Override
    public String name() {
        return "handoff";
    }

    @Override
    public List<Action> actions() {
        return HandoffActions.all();
    }

    @Override
    public Set<String> messageKeys() {
        return MESSAGE_KEYS;
    }

    /** The running feature: the staff desk, the engine's port and the job. */
    public Running start(
            Jdbi jdbi, Messages messages, Outreach outreach, Runnable senderWake, String businessName, Clock clock) {
        var queries = new HandoffQueries(settings.queueOrder());
        var notices = new CustomerNotices(messages, businessName);
        var queueNotice = new QueueNotice(settings, queries, clock);
        var desk = new HandoffDesk(jdbi, queries, notices, outreach, senderWake);
        var port = new HandoffRouting(settings, queueNotice, queries, notices, clock);
        var job = new Job(
                NoAnswerJob.NAME,
                FixedDelay.of(settings.checkEvery()),
                new NoAnswerJob(jdbi, settings, queries, queueNotice, notices, senderWake, clock));
        return new Running(desk, port, List.of(job));
    }

    /**
     * @param desk the service staff use (console, staff group)
     * @param port what the engine routes through
     * @param jobs {@value NoAnswerJob#NAME}
     */
    public record Running(HandoffDesk desk, HandoffPort port, List<Job> jobs) {}
}
