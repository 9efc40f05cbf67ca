package dev.rapport.flow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link FlowLoader} when {@code conversations/} has problems. It carries all of them, not
 * only the first, so one start-up run shows everything that needs fixing.
 */
public final class FlowValidationException extends RuntimeException {

    private final List<FlowProblem> problems;

    FlowValidationException(List<FlowProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FlowProblem> problems() {
        return problems;
    }

    private static String describe(List<FlowProblem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return "conversations are invalid, " + count + " to fix:\n"
                + problems.stream().map(FlowProblem::toString).collect(Collectors.joining("\n"));
    }
}
