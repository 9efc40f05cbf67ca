package dev.rapport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.flow.FlowValidationException;
import dev.rapport.store.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken flow file stops the start, saying file, flow, step and line; a looping flow is stopped by the step limit. */
class FlowValidationIT {

    static Path copyOfShippedConversations(Path target) throws IOException {
        Path source = Path.of("conversations");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }

    @Test
    void aBrokenFlowFileStopsTheStartWithFileFlowStepAndLine(@TempDir Path directory) throws IOException {
        Path conversations = copyOfShippedConversations(directory.resolve("conversations"));
        Files.writeString(conversations.resolve("flows/broken.yaml"), """
                id: broken
                triggers:
                  commands: [broken]
                steps:
                  - id: first
                    say: help.text
                    next: nowhere
                """);
        assertThatThrownBy(() -> startWith(conversations))
                .isInstanceOf(FlowValidationException.class)
                .hasMessageContaining("broken.yaml:7")
                .hasMessageContaining("flow 'broken'")
                .hasMessageContaining("step 'first'")
                .hasMessageContaining("nowhere");
    }

    @Test
    void aMessageKeyTheEngineNeedsMissingStopsTheStart(@TempDir Path directory) throws IOException {
        Path conversations = copyOfShippedConversations(directory.resolve("conversations"));
        for (String language : new String[] {"en", "zh"}) {
            Path file = conversations.resolve("messages/" + language + ".yaml");
            Files.writeString(file, Files.readString(file).replaceAll("(?m)^  stale_button:.*\\n", ""));
        }
        assertThatThrownBy(() -> startWith(conversations))
                .isInstanceOf(FlowValidationException.class)
                .hasMessageContaining("en.yaml")
                .hasMessageContaining("zh.yaml")
                .hasMessageContaining("'engine.stale_button' is missing");
    }

    /** Starts Rapport on a fresh database with these conversations; stops it again if it starts. */
    static void startWith(Path conversations) {
        var config = ConfigLoader.load(
                Path.of("config/rapport.yaml"),
                Map.of("PORT", "0", "RAPPORT_CONVERSATIONS_DIR", conversations.toString()));
        try (var database = TestDatabase.fresh()) {
            App.start(config, database, false).close();
        }
    }

    @Test
    void aFlowThatLoopsIsStoppedByTheStepLimitWithAnApology(@TempDir Path directory) throws Exception {
        Path conversations = copyOfShippedConversations(directory.resolve("conversations"));
        Files.writeString(conversations.resolve("flows/loop.yaml"), """
                id: loop
                triggers:
                  commands: [loop]
                steps:
                  - id: again
                    say: help.text
                    next: and_again
                  - id: and_again
                    say: help.text
                    next: again
                """);
        try (var rapport = RunningRapport.start(
                Map.of("RAPPORT_CONVERSATIONS_DIR", conversations.toString(), "RAPPORT_STEP_LIMIT", "10"))) {
            rapport.postUpdate(Updates.text(1, 61, "/loop"));
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !rapport.telegram.sentTexts(61).isEmpty());
            assertThat(rapport.telegram.sentTexts(61).get(0)).contains("something went wrong");
            assertThat(rapport.awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
            // The apology, then the staff queue's notice: the step-limit guard hands the chat to a person.
            assertThat(rapport.telegram.sentTexts(61))
                    .as("the loop's repetitions are not sent")
                    .hasSize(2);
            assertThat(rapport.telegram.sentTexts(61).get(1)).contains("in the queue");
            assertThat(rapport.count("SELECT count(*) FROM handoffs WHERE chat_key = '61' AND state = 'waiting' "
                            + "AND reasons @> '[{\"reason\": \"step_limit\"}]'"))
                    .isEqualTo(1);
            assertThat(rapport.count("SELECT count(*) FROM conversations WHERE chat_key = '61' "
                            + "AND escalation_reason LIKE 'flow ''loop'' looped%'"))
                    .isEqualTo(1);
            assertThat(rapport.count("SELECT count(*) FROM events WHERE type = 'turn.step_limit'"))
                    .isEqualTo(1);
            assertThat(rapport.count("SELECT count(*) FROM conversations WHERE chat_key = '61' AND flow IS NULL"))
                    .isEqualTo(1);
        }
    }
}
