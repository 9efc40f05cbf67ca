package dev.rapport.feature;

import dev.rapport.engine.Action;
import dev.rapport.flow.Flow;
import dev.rapport.flow.FlowProblem;
import dev.rapport.schedule.Job;
import java.util.List;
import java.util.Set;

/**
 * One capability of the product as {@code App} registers it: the actions its flows call, its
 * scheduled jobs, its business API endpoints, its pages for people, the message keys it says (checked in every language at
 * start-up) and the flows it builds from its own files. {@code App} lists the features and hands
 * each part to its owner; nothing else wires a feature.
 *
 * <p>Implementations are built once at start-up from their settings file and are immutable and
 * thread-safe afterwards. Every method may be called more than once and returns the same parts.
 */
public interface Feature {

    /** Lower case, as in logs and errors: {@code complaint}, {@code handoff}. */
    String name();

    default List<Action> actions() {
        return List.of();
    }

    default List<Job> jobs() {
        return List.of();
    }

    default List<ApiRoute> apiRoutes() {
        return List.of();
    }

    /** Pages for people (the staff console); the route table checks session, role and CSRF for each. */
    default List<PageRoute> pages() {
        return List.of();
    }

    default Set<String> messageKeys() {
        return Set.of();
    }

    /** Flows built from the feature's own files (surveys), checked together with {@code conversations/flows}. */
    default List<Flow> flows() {
        return List.of();
    }

    /** What is wrong in the feature's own files; any problem stops the start, with the flow files' problems. */
    default List<FlowProblem> flowProblems() {
        return List.of();
    }
}
