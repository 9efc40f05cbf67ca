package dev.rapport.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * All flows by id, the texts they send and the main menu: what {@link FlowLoader} reads from
 * {@code conversations/}. Immutable; thread-safe. The loader guarantees that a command or intent
 * starts at most one flow, so the look-ups below have one answer.
 */
public record Conversations(Map<String, Flow> flows, Messages messages, List<List<ButtonSpec>> menu) {

    public Conversations {
        flows = Map.copyOf(flows);
        menu = List.copyOf(menu);
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    /** A flow a customer's button may start: one that exists and is not internal. */
    public Optional<Flow> startable(String id) {
        return flow(id).filter(flow -> !flow.internal());
    }

    /** The flow a slash command starts; {@code command} is given without the slash, in any case. */
    public Optional<Flow> byCommand(String command) {
        String wanted = command.toLowerCase(Locale.ROOT);
        return flows.values().stream()
                .filter(flow -> !flow.internal())
                .filter(flow -> flow.triggers().commands().stream()
                        .anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(wanted)))
                .findFirst();
    }

    /** The flow an NLU intent label starts. */
    public Optional<Flow> byIntent(String intentLabel) {
        return flows.values().stream()
                .filter(flow -> !flow.internal())
                .filter(flow -> flow.triggers().intents().contains(intentLabel))
                .findFirst();
    }
}
