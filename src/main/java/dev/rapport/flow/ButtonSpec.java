package dev.rapport.flow;

/**
 * A button in a flow file. {@code text} is a message key. Exactly one of {@code value} (the answer
 * an {@link Step.Ask} step stores in its slot) and {@code flow} (the flow the button starts) is set.
 */
public record ButtonSpec(String text, String value, String flow, Source source) {

    public boolean startsFlow() {
        return flow != null;
    }
}
