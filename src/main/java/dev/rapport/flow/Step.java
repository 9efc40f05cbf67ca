package dev.rapport.flow;

import java.util.List;
import java.util.Map;

/**
 * A step of a flow. Text fields hold message keys of {@code conversations/messages/*.yaml}, never
 * literal text. A {@code next} of {@code null} means "the following step"; {@link #END} ends the
 * flow.
 */
public sealed interface Step {

    /** The {@code next} value that ends the flow. */
    String END = "end";

    String id();

    Source source();

    /** Sends a text, optionally with buttons, and goes on without waiting. */
    record Say(String id, String text, List<List<ButtonSpec>> buttons, String next, Source source) implements Step {
        public Say {
            buttons = List.copyOf(buttons);
        }
    }

    /**
     * Sends a question and waits. The answer (a button's value, or the customer's text when
     * {@code input} allows it) is stored in {@code slot}. Text that does not match {@code pattern}
     * (a Java regex, optional) is answered with {@code invalid} and the question is asked again.
     */
    record Ask(
            String id,
            String text,
            String slot,
            List<List<ButtonSpec>> buttons,
            Input input,
            String pattern,
            String invalid,
            String next,
            Source source)
            implements Step {
        public Ask {
            buttons = List.copyOf(buttons);
        }
    }

    /** What an {@link Ask} step accepts besides its buttons. */
    enum Input {
        BUTTONS_ONLY,
        TEXT
    }

    /**
     * Calls a Java action registered with the engine by {@code name}. The action returns an outcome
     * string; {@code outcomes} maps outcomes to step ids, anything else goes to {@code next}.
     */
    record Action(
            String id,
            String name,
            Map<String, String> params,
            Map<String, String> outcomes,
            String next,
            Source source)
            implements Step {
        public Action {
            params = Map.copyOf(params);
            outcomes = Map.copyOf(outcomes);
        }
    }

    /**
     * Goes to the step named for the value of {@code on}: a slot name, or one of {@code tier},
     * {@code language}, {@code sentiment}. Values not listed go to {@code otherwise}.
     */
    record Branch(String id, String on, Map<String, String> cases, String otherwise, Source source) implements Step {
        public Branch {
            cases = Map.copyOf(cases);
        }
    }

    /** Leaves this flow and starts another one at its first step. */
    record GoTo(String id, String flow, Source source) implements Step {}

    /** Ends the flow, optionally saying a last text (with optional buttons, such as the menu). */
    record End(String id, String text, List<List<ButtonSpec>> buttons, Source source) implements Step {
        public End {
            buttons = List.copyOf(buttons);
        }
    }
}
