package dev.rapport.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one load. Not thread-safe; one load runs on one thread. */
final class Problems {

    private final List<FlowProblem> found = new ArrayList<>();

    /** Problems in {@code file} that belong to no flow. */
    Where in(Path file) {
        return new Where(this, file, null, null);
    }

    void add(FlowProblem problem) {
        found.add(problem);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    /** In file order, then line order, so the list reads like the files. */
    List<FlowProblem> sorted() {
        return found.stream()
                .sorted(Comparator.comparing(
                                (FlowProblem problem) -> problem.file().toString())
                        .thenComparingInt(FlowProblem::line))
                .toList();
    }

    /** A place problems are reported about: a file, and optionally a flow and a step in it. */
    record Where(Problems problems, Path file, String flow, String step) {

        Where flow(String flowId) {
            return new Where(problems, file, flowId, null);
        }

        Where step(String stepId) {
            return new Where(problems, file, flow, stepId);
        }

        void add(int line, String message) {
            problems.add(new FlowProblem(file, line, flow, step, message));
        }
    }
}
