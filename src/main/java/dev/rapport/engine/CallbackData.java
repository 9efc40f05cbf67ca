package dev.rapport.engine;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Rapport puts in a button's callback data, and reads back: {@code go:<flow>} starts a flow,
 * {@code a:<flow>.<step>:<value>} answers an ask step. The flow and step in an answer let the
 * engine tell a press on an old question from an answer to the current one. Telegram allows 1–64
 * bytes. Stateless.
 */
final class CallbackData {

    static final int MAX_BYTES = 64;
    private static final Pattern ANSWER = Pattern.compile("^a:([\\w-]+)\\.([\\w-]+):(.*)$", Pattern.DOTALL);
    private static final Pattern GO = Pattern.compile("^go:([\\w-]+)$");

    sealed interface Parsed {
    }

    record StartFlow(String flow) implements Parsed {
    }

    record Answer(String flow, String step, String value) implements Parsed {
    }

    private CallbackData() {
    }

    static String startFlow(String flow) {
        return checked("go:" + flow);
    }

    static String answer(String flow, String step, String value) {
        return checked("a:" + flow + "." + step + ":" + value);
    }

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

    private static String checked(String data) {
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Callback data over " + MAX_BYTES + " bytes: " + data);
        }
        return data;
    }
}
