package dev.rapport.flow;

import static dev.rapport.flow.ConversationsDir.assertReported;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader reports about the message files themselves. */
class MessageFileProblemsTest {

    private static final String HELLO_FLOW = "id: hello\nsteps:\n  - id: hi\n    end: hello\n";

    @TempDir
    Path root;

    ConversationsDir dir;

    @BeforeEach
    void setUp() {
        dir = new ConversationsDir(root).flow("hello", HELLO_FLOW);
    }

    @Test
    void keyOnlyInEnglishIsNamedWithItsLine() {
        dir.write("messages/en.yaml", ConversationsDir.EN + "extra:\n  note: \"Only here\"\n");

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("messages/en.yaml", 13, null, null),
                "key 'extra.note' is in en but missing in zh (" + dir.file("messages/zh.yaml") + ")");
    }

    @Test
    void keyOnlyInChineseIsNamedWithItsLine() {
        dir.write("messages/zh.yaml", ConversationsDir.ZH + "extra: \"只在这里\"\n");

        assertReported(
                dir.problems(), dir.at("messages/zh.yaml", 12, null, null), "key 'extra' is in zh but missing in en");
    }

    @Test
    void placeholdersMustMatchAcrossLanguages() {
        dir.write("messages/en.yaml", ConversationsDir.EN + "welcome: \"Hi {name}\"\n")
                .write("messages/zh.yaml", ConversationsDir.ZH + "welcome: \"你好 {nmae}\"\n");

        assertReported(
                dir.problems(),
                dir.at("messages/zh.yaml", 12, null, null),
                "'welcome' uses placeholders {nmae} but en uses {name}");
    }

    @Test
    void syntaxErrorNamesTheLineAndDoesNotCascade() {
        dir.write("messages/zh.yaml", "hello: \"你好\"\npick: [unclosed\nbye: \"再见\"\n");

        List<FlowProblem> problems = dir.problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo(dir.file("messages/zh.yaml"));
        assertThat(problems.get(0).line()).isBetween(2, 4);
        assertThat(problems.get(0).message()).startsWith("YAML syntax error");
    }

    @Test
    void emptyTextAndDuplicateKeyAreReported() {
        dir.write("messages/en.yaml", ConversationsDir.EN + "blank: \"\"\n\"menu.human\": \"Again\"\n")
                .write("messages/zh.yaml", ConversationsDir.ZH + "blank: \"空\"\n");

        List<FlowProblem> problems = dir.problems();

        assertReported(problems, dir.at("messages/en.yaml", 12, null, null), "'blank' has no text");
        assertReported(
                problems,
                dir.at("messages/en.yaml", 13, null, null),
                "'menu.human' is defined twice (first on line 11)");
    }

    @Test
    void missingFileAndStrayFileAreReported() throws Exception {
        java.nio.file.Files.delete(dir.file("messages/zh.yaml"));
        dir.write("messages/fr.yaml", "hello: Bonjour\n");

        List<FlowProblem> problems = dir.problems();

        assertThat(problems)
                .map(FlowProblem::toString)
                .contains(
                        dir.file("messages/zh.yaml") + ": file is missing",
                        dir.file("messages/fr.yaml") + ": not read: the message files are en.yaml, zh.yaml");
    }

    @Test
    void everyProblemIsOneLineOfTheExceptionMessage() {
        dir.write("messages/en.yaml", ConversationsDir.EN + "a: \"A\"\nb: \"B\"\n");

        FlowValidationException failure =
                org.assertj.core.api.Assertions.catchThrowableOfType(FlowValidationException.class, dir::load);

        assertThat(failure.problems()).hasSize(2);
        assertThat(failure.getMessage().lines().skip(1))
                .containsExactlyElementsOf(
                        failure.problems().stream().map(FlowProblem::toString).toList());
        assertThat(failure.getMessage()).startsWith("conversations are invalid, 2 problems to fix:");
    }
}
