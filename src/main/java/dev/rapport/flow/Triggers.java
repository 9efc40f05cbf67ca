package dev.rapport.flow;

import java.util.List;

/**
 * What starts a flow: slash commands without the slash ({@code start}), NLU intent labels
 * ({@code complaint}) and menu buttons (a {@link ButtonSpec} with {@code flow: id} starts that flow
 * wherever the button was shown, so every flow is reachable from a button without listing it here).
 */
public record Triggers(List<String> commands, List<String> intents) {

    public Triggers {
        commands = List.copyOf(commands);
        intents = List.copyOf(intents);
    }

    public static Triggers none() {
        return new Triggers(List.of(), List.of());
    }
}
