package dev.rapport.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageChecksTest {

    private static final Path EN = Path.of("conversations/messages/en.yaml");
    private static final Path ZH = Path.of("conversations/messages/zh.yaml");

    @Test
    void reportsAKeyMissingOnEitherSideAtItsLine() {
        Problems problems = new Problems();
        MessageFile english = new MessageFile(
                "en",
                EN,
                true,
                Map.of("shared", new MessageFile.Text("A", 1), "only_en", new MessageFile.Text("B", 2)));
        MessageFile chinese = new MessageFile(
                "zh",
                ZH,
                true,
                Map.of("shared", new MessageFile.Text("甲", 1), "only_zh", new MessageFile.Text("乙", 3)));

        MessageChecks.checkInSync(english, List.of(english, chinese), problems);

        assertThat(problems.sorted())
                .map(FlowProblem::toString)
                .containsExactly(
                        "conversations/messages/en.yaml:2: key 'only_en' is in en but missing in zh (conversations/messages/zh.yaml); add it there",
                        "conversations/messages/zh.yaml:3: key 'only_zh' is in zh but missing in en (conversations/messages/en.yaml); add it there");
    }

    @Test
    void reportsDifferentPlaceholders() {
        Problems problems = new Problems();
        MessageFile english = new MessageFile("en", EN, true, Map.of("welcome", new MessageFile.Text("Hi {name}", 4)));
        MessageFile chinese = new MessageFile("zh", ZH, true, Map.of("welcome", new MessageFile.Text("你好", 5)));

        MessageChecks.checkInSync(english, List.of(english, chinese), problems);

        assertThat(problems.sorted())
                .map(FlowProblem::toString)
                .containsExactly(
                        "conversations/messages/zh.yaml:5: 'welcome' uses placeholders none but en uses {name}; use the same in every language");
    }

    @Test
    void skipsAFileThatCouldNotBeRead() {
        Problems problems = new Problems();
        MessageFile english = new MessageFile("en", EN, true, Map.of("welcome", new MessageFile.Text("Hi", 1)));
        MessageFile unreadable = new MessageFile("zh", ZH, false, Map.of());

        MessageChecks.checkInSync(english, List.of(english, unreadable), problems);

        assertThat(problems.isEmpty()).isTrue();
    }
}
