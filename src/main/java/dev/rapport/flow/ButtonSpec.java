package dev.rapport.flow;

/**
 * A button in a flow file. {@code text} is a message key. Exactly one of {@code value} (the answer
 * an {@link Step.Ask} step stores in its slot) and {@code flow} (the flow the button starts) is set.
 */
public record ButtonSpec(String text, String value, String flow, Source source) {

    /** Telegram's limit on a button's callback data, in UTF-8 bytes (it also needs at least one). */
    public static final int MAX_CALLBACK_DATA_BYTES = 64;

    public boolean startsFlow() {
        return flow != null;
    }

    /**
     * The callback data of this button when step {@code stepId} of flow {@code flowId} shows it:
     * {@code go:<flow>} for a button that starts a flow, {@code a:<flow>.<step>:<value>} for an
     * answer. The loader measures this string against {@link #MAX_CALLBACK_DATA_BYTES}; the engine
     * sends exactly this string, so a flow that loads never has a button Telegram refuses.
     */
    public String callbackData(String flowId, String stepId) {
        return startsFlow() ? "go:" + flow : "a:" + flowId + "." + stepId + ":" + value;
    }
}
