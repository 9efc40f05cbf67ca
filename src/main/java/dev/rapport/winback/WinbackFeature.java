package dev.rapport.winback;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.engine.Action;
import dev.rapport.engine.Outreach;
import dev.rapport.feature.Feature;
import dev.rapport.offer.Offers;
import dev.rapport.schedule.Job;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The win-back feature as {@code App} registers it: settings from {@code config/winback.yaml} (checked
 * against the offer catalogue), the dialogue's actions, the jobs {@code winback.scan} and
 * {@code winback.outcomes}, and the message keys its actions say. Immutable; thread-safe.
 */
public final class WinbackFeature implements Feature {

    public static final Path SETTINGS = Path.of("config", "winback.yaml");

    private final WinbackSettings settings;
    private final List<Action> actions;
    private final List<Job> jobs;

    private WinbackFeature(
            WinbackSettings settings,
            Jdbi jdbi,
            Offers offers,
            Outreach outreach,
            java.time.ZoneId businessZone,
            Clock clock) {
        this.settings = settings;
        this.actions = new java.util.ArrayList<>(WinbackActions.all(settings, offers));
        this.actions.add(new LapsedOnArrival(settings, outreach));
        this.jobs = List.of(
                new Job(
                        "winback.scan",
                        FixedDelay.of(settings.scanEvery()),
                        new LapseScan(jdbi, settings, offers, outreach, businessZone, clock)),
                new Job("winback.outcomes", FixedDelay.of(settings.scanEvery()), new Outcomes(jdbi, settings, clock)));
    }

    /** @param businessZone quiet hours (the offer campaigns' window) apply here for customers without a zone */
    public static WinbackFeature create(
            Path settingsFile,
            Jdbi jdbi,
            Offers offers,
            Outreach outreach,
            java.time.ZoneId businessZone,
            Clock clock) {
        return new WinbackFeature(
                WinbackSettings.load(settingsFile, offers.settings()), jdbi, offers, outreach, businessZone, clock);
    }

    public WinbackSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "winback";
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
        return new HashSet<>(WinbackActions.KEYS);
    }
}
