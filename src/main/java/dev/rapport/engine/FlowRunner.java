package dev.rapport.engine;

import dev.rapport.channel.Button;
import dev.rapport.flow.ButtonSpec;
import dev.rapport.flow.Conversations;
import dev.rapport.flow.Flow;
import dev.rapport.flow.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs flow steps for a turn until the flow waits for the customer or ends. Guards against loops:
 * more than {@code stepLimit} steps in one turn ends the flow with an apology and an event.
 * Stateless apart from immutable configuration and a cache of compiled answer patterns; thread-safe.
 */
final class FlowRunner {

    private final Conversations conversations;
    private final Map<String, Action> actions;
    private final int stepLimit;
    private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();
    private final Resumption resumption;

    FlowRunner(Conversations conversations, Map<String, Action> actions, int stepLimit) {
        this.conversations = conversations;
        this.actions = actions;
        this.stepLimit = stepLimit;
        this.resumption = new Resumption(conversations);
    }

    /** At the end of a turn: asks whether to continue a dialogue the customer left for one now over. */
    void offerToResume(Turn turn) {
        Optional<Flow> resume = conversations.flow(Resumption.FLOW);
        if (resume.isPresent()) {
            resumption.afterwards(turn).ifPresent(slots -> start(turn, resume.get(), slots));
        }
    }

    /** Keeps the dialogue waiting for an answer, to be continued later; {@code by} is what takes the chat. */
    void keepForLater(Turn turn, String by) {
        resumption.leaving(turn, by);
    }

    /** The customer's answer to "continue?"; the action {@value Resumption#ACTION} of the resume flow. */
    String resume(Turn turn) {
        return "offer".equals(turn.params().get("stage"))
                ? turn.slot(Resumption.MODE_SLOT)
                : resumption.choose(turn, this);
    }

    /**
     * Starts {@code flow} as the customer asked for it (a command, a button) — or, when the same
     * dialogue is half-done, asks first whether to continue it ({@link Resumption}).
     */
    void start(Turn turn, Flow flow) {
        Optional<Flow> resume = conversations.flow(Resumption.FLOW);
        Optional<Map<String, String>> offer = resume.isPresent() ? resumption.reentry(turn, flow) : Optional.empty();
        start(turn, offer.isPresent() ? resume.get() : flow, offer.orElse(Map.of()));
    }

    /**
     * Starts {@code flow} with {@code slots} already filled (an outreach's ticket number, say). A
     * dialogue it interrupts is kept to be resumed.
     */
    void start(Turn turn, Flow flow, Map<String, String> slots) {
        if (turn.conversation.flow != null) {
            turn.event(EngineEvent.FLOW_INTERRUPTED, Map.of("flow", turn.conversation.flow, "by", flow.id()));
            resumption.leaving(turn, flow.id());
        }
        resumption.entered(turn, flow.id());
        turn.conversation.enter(flow.id());
        turn.conversation.slots.putAll(slots);
        turn.event(EngineEvent.FLOW_STARTED, Map.of("flow", flow.id()));
        run(turn, flow, flow.first());
    }

    /** The step the conversation is waiting on, if it is an ask step of a loaded flow. */
    Optional<Step.Ask> waitingAsk(Conversation conversation) {
        if (!conversation.waiting()) {
            return Optional.empty();
        }
        return conversations
                .flow(conversation.flow)
                .flatMap(flow -> flow.step(conversation.step))
                .filter(Step.Ask.class::isInstance)
                .map(Step.Ask.class::cast);
    }

    /** Stores the answer to the waiting ask step and goes on. */
    void answer(Turn turn, Step.Ask ask, String value) {
        Flow flow = conversations.flow(turn.conversation.flow).orElseThrow();
        turn.setSlot(ask.slot(), value);
        turn.conversation.step = null;
        next(turn, flow, ask, ask.next());
    }

    /** A text for the waiting ask step: stored when the step takes text and it is valid, else re-asked. */
    void answerText(Turn turn, Step.Ask ask, String text) {
        boolean acceptsText = ask.input() == Step.Input.TEXT;
        // A pattern sees the text in half-width form: a full-width "４" is the score 4.
        String answer = ask.pattern() == null
                ? text.strip()
                : java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC);
        if (acceptsText
                && (ask.pattern() == null || pattern(ask).matcher(answer).matches())) {
            answer(turn, ask, answer);
            return;
        }
        turn.event(EngineEvent.INVALID_ANSWER, Map.of("flow", turn.conversation.flow, "step", ask.id()));
        if (ask.invalid() != null) {
            turn.say(ask.invalid(), List.of());
        }
        ask(turn, ask);
    }

    /** The ask step's answer pattern, compiled once (the loader has checked it compiles). */
    private Pattern pattern(Step.Ask ask) {
        return patterns.computeIfAbsent(ask.pattern(), Pattern::compile);
    }

    /** Sends the waiting question again (after a stale button or an invalid answer). */
    void ask(Turn turn, Step.Ask ask) {
        turn.say(ask.text(), buttons(turn, turn.conversation.flow, ask.id(), ask.buttons()));
    }

    private void run(Turn turn, Flow flow, Step first) {
        Step step = first;
        for (int count = 1; step != null; count++) {
            if (count > stepLimit) {
                // A loop: drop what it said (the customer would get every repetition), apologise once and
                // mark the conversation for a person, as the apology promises.
                turn.replies.removeIf(reply -> reply instanceof dev.rapport.channel.Reply.Text);
                turn.event(EngineEvent.STEP_LIMIT, Map.of("flow", flow.id(), "step", step.id(), "limit", stepLimit));
                turn.say("engine.too_many_steps", List.of());
                turn.escalate("step_limit", "flow '" + flow.id() + "' looped past " + stepLimit + " steps");
                turn.conversation.leave();
                return;
            }
            StepResult result = execute(turn, flow, step);
            flow = result.flow();
            step = result.next();
        }
    }

    private record StepResult(Flow flow, Step next) {}

    private StepResult execute(Turn turn, Flow flow, Step step) {
        if (step instanceof Step.Say say) {
            turn.say(say.text(), buttons(turn, flow.id(), say.id(), say.buttons()));
            return new StepResult(flow, resolve(turn, flow, say, say.next()));
        }
        if (step instanceof Step.Ask ask) {
            ask(turn, ask);
            turn.conversation.step = ask.id();
            return new StepResult(flow, null);
        }
        if (step instanceof Step.Action call) {
            turn.withParams(call.params());
            String outcome = actions.get(call.name()).run(turn);
            turn.withParams(Map.of());
            String target = call.outcomes().getOrDefault(outcome, call.next());
            return new StepResult(flow, resolve(turn, flow, call, target));
        }
        if (step instanceof Step.Branch branch) {
            String value = branchValue(turn, branch.on());
            String target = branch.cases().getOrDefault(value, branch.otherwise());
            return new StepResult(flow, resolve(turn, flow, branch, target));
        }
        if (step instanceof Step.GoTo go) {
            Flow other = conversations.flow(go.flow()).orElseThrow();
            finish(turn, flow);
            resumption.entered(turn, other.id());
            turn.conversation.enter(other.id());
            turn.event(EngineEvent.FLOW_STARTED, Map.of("flow", other.id(), "from", flow.id()));
            return new StepResult(other, other.first());
        }
        if (step instanceof Step.End end) {
            if (end.text() != null && !end.text().isEmpty()) {
                turn.say(
                        end.text(),
                        WithPerson.staffOutreach(turn) ? List.of() : buttons(turn, flow.id(), end.id(), end.buttons()));
            }
            finish(turn, flow);
            return new StepResult(flow, null);
        }
        throw new IllegalStateException("Unknown step type " + step);
    }

    /** The step {@code target} names, the following step when null, or none (flow finished) at the end. */
    private Step resolve(Turn turn, Flow flow, Step from, String target) {
        Optional<Step> next =
                target == null ? flow.after(from) : Step.END.equals(target) ? Optional.empty() : flow.step(target);
        if (next.isEmpty()) {
            finish(turn, flow);
            return null;
        }
        return next.get();
    }

    private void next(Turn turn, Flow flow, Step from, String target) {
        Step step = resolve(turn, flow, from, target);
        if (step != null) {
            run(turn, flow, step);
        }
    }

    private static void finish(Turn turn, Flow flow) {
        if (flow.id().equals(turn.conversation.flow)) {
            turn.event(EngineEvent.FLOW_FINISHED, Map.of("flow", flow.id()));
            turn.conversation.leave();
        }
    }

    private static String branchValue(Turn turn, String on) {
        switch (on) {
            case "tier":
                return turn.customer().tier().code();
            case "language":
                return turn.language().code();
            default:
                return turn.slot(on);
        }
    }

    /** Renders flow buttons; flow buttons start flows, value buttons answer this step. */
    List<List<Button>> buttons(Turn turn, String flow, String step, List<List<ButtonSpec>> rows) {
        return rows.stream()
                .map(row -> row.stream()
                        .map(spec -> new Button(turn.text(spec.text()), spec.callbackData(flow, step)))
                        .toList())
                .toList();
    }
}
