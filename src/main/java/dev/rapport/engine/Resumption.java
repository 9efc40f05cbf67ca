package dev.rapport.engine;

import dev.rapport.flow.Conversations;
import dev.rapport.flow.Flow;
import dev.rapport.flow.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Nothing a customer said is lost when they leave a dialogue for another (a command, a request for a
 * person): the dialogue is paused whole ({@link PausedDialogues}) and, once the other one is over,
 * the customer is asked whether to continue it ("You were telling us about your complaint; continue?",
 * flow {@value #FLOW}). Starting the same dialogue again by command or button while one is paused or
 * half-done asks the same, with "start again" instead of "no thanks". Continuing restores every slot
 * and asks the question it stopped at again.
 *
 * <p>A paused dialogue older than {@link #KEEP} is forgotten. Runs in the turn's transaction.
 * Stateless; thread-safe.
 */
final class Resumption {

    /** The flow that asks whether to continue; shipped in {@code conversations/flows/resume.yaml}. */
    static final String FLOW = "resume";
    /** The action that flow calls with the customer's choice. */
    static final String ACTION = "dialogue_resume";

    static final String MODE_SLOT = "resume_mode";
    static final String CHOICE_SLOT = "resume_choice";
    static final String TOPIC_SLOT = "topic";
    static final String AGAIN = "again";
    static final String AFTER = "after";
    static final String CONTINUE = "continue";
    /** Flows after which continuing another dialogue would be wrong: the customer asked for silence. */
    private static final java.util.Set<String> FINAL_FLOWS = java.util.Set.of("stop");

    static final Duration KEEP = Duration.ofDays(3);

    private final Conversations conversations;

    Resumption(Conversations conversations) {
        this.conversations = conversations;
    }

    /** Called before another flow replaces the conversation's: keeps a dialogue that waits for an answer. */
    void leaving(Turn turn, String by) {
        Conversation conversation = turn.conversation;
        if (conversation.waiting() && !FLOW.equals(conversation.flow) && !by.equals(conversation.flow)) {
            PausedDialogues.pause(turn.handle, conversation, conversation.flow, conversation.step, conversation.slots);
            turn.event(EngineEvent.FLOW_PAUSED, Map.of("flow", conversation.flow, "step", conversation.step, "by", by));
        }
    }

    /** A flow starts afresh: a paused copy of it is no longer wanted. */
    void entered(Turn turn, String flow) {
        if (!FLOW.equals(flow)) {
            PausedDialogues.forget(turn.handle, turn.conversation, flow);
        }
    }

    /**
     * The customer starts {@code flow} by command or button while the same dialogue is half-done
     * (waiting now, or paused): returns the slots to start {@value #FLOW} with, asking whether to
     * continue; empty when the flow simply starts.
     */
    Optional<Map<String, String>> reentry(Turn turn, Flow flow) {
        Conversation conversation = turn.conversation;
        if (conversation.waiting()
                && conversation.flow.equals(flow.id())
                && conversation.slots.values().stream().anyMatch(value -> value != null && !value.isBlank())) {
            PausedDialogues.pause(turn.handle, conversation, conversation.flow, conversation.step, conversation.slots);
            return Optional.of(offer(turn, flow.id(), AGAIN));
        }
        return fresh(turn)
                .filter(paused -> paused.flow().equals(flow.id()))
                .map(paused -> offer(turn, paused.flow(), AGAIN));
    }

    /** At the end of a turn that left no dialogue waiting: the slots to ask with, if one was left for another. */
    Optional<Map<String, String>> afterwards(Turn turn) {
        // Not after an outreach: the customer did not leave, Rapport came to them; "/<command>" offers it then.
        // Nor while a person has the chat: the bot is silent then.
        if (turn.conversation.waiting()
                || endedFinally(turn)
                || turn.handoffId != null
                || turn.message.content() instanceof dev.rapport.channel.Content.Outreach) {
            return Optional.empty();
        }
        return fresh(turn).filter(paused -> paused.offeredAt() == null).map(paused -> {
            PausedDialogues.offered(turn.handle, turn.conversation);
            return offer(turn, paused.flow(), AFTER);
        });
    }

    /**
     * The customer's choice: continue (every slot back, the question asked again; the conversation is
     * then in that flow), start again (mode {@value #AGAIN}), or let it go.
     */
    String choose(Turn turn, FlowRunner runner) {
        Optional<PausedDialogues.Paused> found = fresh(turn);
        String mode = turn.slot(MODE_SLOT);
        PausedDialogues.forget(turn.handle, turn.conversation);
        if (found.isEmpty()) {
            return "dropped";
        }
        PausedDialogues.Paused paused = found.get();
        Optional<Flow> flow = conversations.flow(paused.flow());
        Optional<Step> step = flow.flatMap(f -> f.step(paused.step()));
        if (flow.isEmpty() || !(step.orElse(null) instanceof Step.Ask ask)) {
            return "dropped"; // the flow file changed since: nothing to go back to
        }
        if (CONTINUE.equals(turn.slot(CHOICE_SLOT))) {
            turn.conversation.enter(paused.flow());
            turn.conversation.slots.putAll(paused.slots());
            turn.conversation.step = ask.id();
            turn.event(EngineEvent.FLOW_RESUMED, Map.of("flow", paused.flow(), "step", ask.id()));
            runner.ask(turn, ask);
            return "resumed";
        }
        if (AGAIN.equals(mode)) {
            runner.start(turn, flow.get(), Map.of());
            return "restarted";
        }
        return "dropped";
    }

    private Map<String, String> offer(Turn turn, String flow, String mode) {
        String key = "dialogue.topic." + flow;
        return Map.of(MODE_SLOT, mode, TOPIC_SLOT, turn.text(turn.hasText(key) ? key : "dialogue.topic.other"));
    }

    private Optional<PausedDialogues.Paused> fresh(Turn turn) {
        Optional<PausedDialogues.Paused> paused = PausedDialogues.find(turn.conversation);
        if (paused.isPresent() && paused.get().pausedAt().isBefore(Instant.now().minus(KEEP))) {
            PausedDialogues.forget(turn.handle, turn.conversation);
            return Optional.empty();
        }
        return paused;
    }

    private static boolean endedFinally(Turn turn) {
        return turn.events.stream()
                .anyMatch(event -> event.type() == EngineEvent.FLOW_STARTED
                        && FINAL_FLOWS.contains(String.valueOf(event.data().get("flow"))));
    }
}
