package dev.rapport.handoff;

/**
 * A staff action that cannot be done as asked: no such handoff, it is closed, someone else has it,
 * an empty reply. The message says what happened and what to do; the console shows it as is.
 */
public final class HandoffException extends RuntimeException {

    public enum Problem {
        NOT_FOUND,
        CLOSED,
        OWNED_BY_OTHER,
        INVALID
    }

    private final Problem problem;

    HandoffException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
