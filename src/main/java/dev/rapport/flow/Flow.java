package dev.rapport.flow;

import java.util.List;
import java.util.Optional;

/**
 * One dialogue, loaded from one file of {@code conversations/flows}. Immutable; thread-safe.
 *
 * <p>Steps run in list order unless a step names its {@code next}; the first step is where the flow
 * starts. A flow ends at an {@link Step.End} step, at {@code next: end}, or after its last step.
 *
 * <p>An {@code internal} flow is started only by Rapport itself — an outreach from a job (a resolved
 * complaint's note, its follow-up survey, a win-back opener) or a {@code goto} of another flow — never
 * by a command, a button or an intent from outside: the loader refuses triggers and buttons for it,
 * and the engine refuses to start it from a customer's message.
 */
public record Flow(String id, Triggers triggers, List<Step> steps, Source source, boolean internal) {

    public Flow {
        steps = List.copyOf(steps);
    }

    /** A flow anyone may start (by its triggers or a button). */
    public Flow(String id, Triggers triggers, List<Step> steps, Source source) {
        this(id, triggers, steps, source, false);
    }

    public Step first() {
        return steps.get(0);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    /** The step that follows {@code step} when it does not name its own {@code next}; empty at the end. */
    public Optional<Step> after(Step step) {
        int index = steps.indexOf(step);
        return index >= 0 && index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
    }
}
