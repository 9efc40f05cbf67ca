package dev.rapport.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what {@link dev.rapport.flow.ButtonSpec#callbackData} put in a button: {@code go:<flow>}
 * starts a flow, {@code a:<flow>.<step>:<value>} answers an ask step. The flow and step in an answer
 * let the engine tell a press on an old question from an answer to the current one. Stateless.
 */
final class CallbackData {

    private static final Pattern ANSWER = Pattern.compile("^a:([\\w-]+)\\.([\\w-]+):(.*)$", Pattern.DOTALL);
    private static final Pattern GO = Pattern.compile("^go:([\\w-]+)$");

    sealed interface Parsed {}

    record StartFlow(String flow) implements Parsed {}

    record Answer(String flow, String step, String value) implements Parsed {}

    private CallbackData() {}

    /** Empty for data Rapport did not write (another bot's buttons, a game, an edited message). */
    static Optional<Parsed> parse(String data) {
        Matcher go = GO.matcher(data);
        if (go.matches()) {
            return Optional.of(new StartFlow(go.group(1)));
        }
        Matcher answer = ANSWER.matcher(data);
        if (answer.matches()) {
            return Optional.of(new Answer(answer.group(1), answer.group(2), answer.group(3)));
        }
        return Optional.empty();
    }
}
