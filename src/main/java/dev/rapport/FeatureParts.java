package dev.rapport;

import dev.rapport.engine.Action;
import dev.rapport.engine.Engine;
import dev.rapport.feature.ApiRoute;
import dev.rapport.feature.Feature;
import dev.rapport.flow.Conversations;
import dev.rapport.flow.Flow;
import dev.rapport.flow.FlowLoader;
import dev.rapport.flow.FlowProblem;
import dev.rapport.schedule.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of every registered feature, gathered in one loop for their owners: actions for the
 * engine, jobs for the scheduler, API routes for the web server, and message keys, flows and
 * problems for the flow loader. Immutable.
 *
 * @param messageKeys the keys Java code says (the engine's and the features'); start-up checks each is
 *                    in every language
 * @param flows       flows features build from their own files (surveys), checked with the flow files
 * @param problems    what is wrong in those files; any stops the start, listed with the flow files' problems
 */
public record FeatureParts(
        List<Action> actions,
        List<Job> jobs,
        List<ApiRoute> apiRoutes,
        Set<String> messageKeys,
        List<Flow> flows,
        List<FlowProblem> problems) {

    public static FeatureParts of(List<Feature> features) {
        List<Action> actions = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        List<ApiRoute> apiRoutes = new ArrayList<>();
        Set<String> messageKeys = new HashSet<>(Engine.MESSAGE_KEYS);
        List<Flow> flows = new ArrayList<>();
        List<FlowProblem> problems = new ArrayList<>();
        for (Feature feature : features) {
            actions.addAll(feature.actions());
            jobs.addAll(feature.jobs());
            apiRoutes.addAll(feature.apiRoutes());
            messageKeys.addAll(feature.messageKeys());
            flows.addAll(feature.flows());
            problems.addAll(feature.flowProblems());
        }
        return new FeatureParts(
                List.copyOf(actions),
                List.copyOf(jobs),
                List.copyOf(apiRoutes),
                Set.copyOf(messageKeys),
                List.copyOf(flows),
                List.copyOf(problems));
    }

    /**
     * Loads and checks {@code conversationsDir} against these parts.
     *
     * @throws dev.rapport.flow.FlowValidationException listing every problem, each with file and line
     */
    public Conversations conversations(Path conversationsDir) {
        return FlowLoader.load(conversationsDir, Engine.actionNames(actions), messageKeys, flows, problems);
    }
}
