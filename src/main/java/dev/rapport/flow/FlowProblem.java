package dev.rapport.flow;

import java.nio.file.Path;

/**
 * One thing wrong in {@code conversations/}, located as precisely as the loader can: the file, the
 * 1-based line (0 when the problem concerns the whole file), and the flow and step it belongs to
 * ({@code null} when it belongs to none, for example in a message file).
 */
public record FlowProblem(Path file, int line, String flow, String step, String message) {

    /** Reads like {@code conversations/flows/complaint.yaml:14: flow 'complaint', step 'ask_order': next names unknown step 'ask_ordr'}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (flow != null) {
            text.append("flow '").append(flow).append('\'');
        }
        if (step != null) {
            text.append(flow != null ? ", " : "").append("step '").append(step).append('\'');
        }
        if (flow != null || step != null) {
            text.append(": ");
        }
        return text.append(message).toString();
    }
}
