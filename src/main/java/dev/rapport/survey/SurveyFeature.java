package dev.rapport.survey;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.engine.Action;
import dev.rapport.engine.HandoffPort;
import dev.rapport.feature.Feature;
import dev.rapport.flow.ButtonSpec;
import dev.rapport.flow.Flow;
import dev.rapport.flow.FlowProblem;
import dev.rapport.flow.MainMenu;
import dev.rapport.schedule.Job;
import dev.rapport.store.EventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The satisfaction surveys, as {@code App} wires them: the definitions of
 * {@code conversations/surveys/*.yaml} compiled to flows, the actions those flows call, the expiry
 * job and the message keys the actions say. Problems in the survey files are returned, not thrown,
 * so the flow loader reports them together with every other problem of {@code conversations/}.
 * Immutable; thread-safe.
 */
public final class SurveyFeature implements Feature {

    /** The job that marks unfinished responses expired once the configured time has passed. */
    public static final String EXPIRY_JOB = "survey.expiry";

    private final Map<String, Survey> surveys;
    private final List<FlowProblem> problems;
    private final SurveySettings settings;
    private final Clock clock;
    private final List<List<ButtonSpec>> menu;
    private final Jdbi jdbi;
    private final SurveyAlerts alerts;

    private SurveyFeature(
            Map<String, Survey> surveys,
            List<FlowProblem> problems,
            SurveySettings settings,
            Clock clock,
            List<List<ButtonSpec>> menu,
            Jdbi jdbi,
            SurveyAlerts alerts) {
        this.alerts = alerts;
        this.menu = menu;
        this.jdbi = jdbi;
        this.surveys = Map.copyOf(surveys);
        this.problems = List.copyOf(problems);
        this.settings = settings;
        this.clock = clock;
    }

    /** {@link #load(Path, Path, Jdbi, Clock, Supplier)} without handoffs: unhappy answers note no handoff. */
    public static SurveyFeature load(Path conversationsDir, Path settingsFile, Jdbi jdbi, Clock clock) {
        return load(conversationsDir, settingsFile, jdbi, clock, () -> HandoffPort.NONE);
    }

    /**
     * Reads {@code <conversationsDir>/surveys/*.yaml} and the settings file (defaults when it is missing).
     *
     * @param handoffs where an unhappy answer is noted when the customer has an open handoff; read at each answer
     */
    public static SurveyFeature load(
            Path conversationsDir, Path settingsFile, Jdbi jdbi, Clock clock, Supplier<HandoffPort> handoffs) {
        SurveySettings settings = SurveySettings.load(settingsFile);
        List<FlowProblem> problems = new ArrayList<>();
        Map<String, Survey> surveys = new LinkedHashMap<>();
        for (Path file : files(conversationsDir.resolve("surveys"))) {
            SurveyParser.parse(file, problems).ifPresent(survey -> {
                Survey earlier = surveys.putIfAbsent(survey.id(), survey);
                if (earlier != null) {
                    problems.add(new FlowProblem(
                            file,
                            survey.source().line(),
                            null,
                            null,
                            "survey '" + survey.id() + "': the id is also used by " + earlier.source()
                                    + "; every survey needs its own id"));
                }
            });
        }
        return new SurveyFeature(
                surveys, problems, settings, clock, MainMenu.read(conversationsDir), jdbi, new SurveyAlerts(handoffs));
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public String name() {
        return "survey";
    }

    /** Every survey's id with its question ids, by id. */
    public java.util.SortedMap<String, List<String>> questions() {
        var questions = new java.util.TreeMap<String, List<String>>();
        surveys.forEach((id, survey) -> questions.put(
                id, survey.questions().stream().map(Survey.Question::id).toList()));
        return questions;
    }

    /** @throws IllegalArgumentException naming the surveys there are, when {@code id} is not one of them */
    public void requireKnown(String id) {
        if (!surveys.containsKey(id)) {
            throw new IllegalArgumentException("unknown survey '" + id + "'; surveys: "
                    + String.join(", ", questions().keySet()) + " (rapport survey list)");
        }
    }

    /** One flow {@code survey_<id>} per survey, for {@code FlowLoader} to check and load. */
    @Override
    public List<Flow> flows() {
        return surveys.values().stream()
                .map(survey -> SurveyFlow.compile(survey, menu))
                .toList();
    }

    /** What is wrong in the survey files: file, line, survey, question and what to do. */
    @Override
    public List<FlowProblem> flowProblems() {
        return problems;
    }

    @Override
    public List<Action> actions() {
        return new SurveyActions(surveys, settings, clock, alerts).all();
    }

    @Override
    public Set<String> messageKeys() {
        return new HashSet<>(SurveyActions.MESSAGE_KEYS);
    }

    public SurveySettings settings() {
        return settings;
    }

    /** The clock expiry and the frequency cap are measured on. */
    Clock clock() {
        return clock;
    }

    Optional<Survey> survey(String id) {
        return Optional.ofNullable(surveys.get(id));
    }

    Set<String> surveyIds() {
        return surveys.keySet();
    }

    /**
     * Marks open responses older than the expiry expired, with an event each. Idempotent: an expired
     * response is never touched again.
     */
    @Override
    public List<Job> jobs() {
        return List.of(expiryJob());
    }

    private Job expiryJob() {
        return new Job(
                EXPIRY_JOB,
                FixedDelay.of(Duration.ofMinutes(10)),
                () -> jdbi.useTransaction(handle -> {
                    for (SurveyResponses.Response expired :
                            SurveyResponses.expireDue(handle, settings.expiry(), clock.instant())) {
                        EventLog.record(
                                handle,
                                SurveyEvent.EXPIRED,
                                null,
                                null,
                                expired.customerId(),
                                Map.of("survey", expired.surveyId(), "response", expired.id()));
                    }
                }));
    }
}
