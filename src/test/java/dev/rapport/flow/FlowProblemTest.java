package dev.rapport.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlowProblemTest {

    private static final Path FILE = Path.of("conversations/flows/complaint.yaml");

    @Test
    void readsLikeACompilerMessage() {
        assertThat(new FlowProblem(FILE, 14, "complaint", "ask_order", "next names unknown step 'ask_ordr'"))
                .hasToString(
                        "conversations/flows/complaint.yaml:14: flow 'complaint', step 'ask_order': next names unknown step 'ask_ordr'");
    }

    @Test
    void leavesOutWhatItDoesNotKnow() {
        assertThat(new FlowProblem(FILE, 2, "complaint", null, "m"))
                .hasToString("conversations/flows/complaint.yaml:2: flow 'complaint': m");
        assertThat(new FlowProblem(FILE, 3, null, "s", "m"))
                .hasToString("conversations/flows/complaint.yaml:3: step 's': m");
        assertThat(new FlowProblem(FILE, 0, null, null, "file is missing"))
                .hasToString("conversations/flows/complaint.yaml: file is missing");
    }
}
