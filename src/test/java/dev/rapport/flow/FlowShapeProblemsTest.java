package dev.rapport.flow;

import static dev.rapport.flow.ConversationsDir.assertReported;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems found while reading one flow file: syntax, keys, step types, ids, buttons, ask input. */
class FlowShapeProblemsTest {

    @TempDir
    Path root;

    ConversationsDir dir;

    @BeforeEach
    void setUp() {
        dir = new ConversationsDir(root);
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        dir.flow("broken", """
                id: broken
                steps:
                  - id: hi
                    say: hello
                   next: end
                """);

        List<FlowProblem> problems = dir.problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString()).startsWith(dir.file("flows/broken.yaml") + ":5: YAML syntax error");
    }

    @Test
    void syntaxErrorInOneFlowDoesNotHideProblemsInOthers() {
        dir.flow("broken", "id: broken\nsteps: [\n")
                .flow(
                        "other",
                        "id: other\nsteps:\n  - id: hi\n    say: hello\n    nxet: end\n  - id: go\n    goto: broken\n");

        List<FlowProblem> problems = dir.problems();

        assertThat(problems).hasSize(2);
        assertReported(problems, dir.at("flows/other.yaml", 5, "other", "hi"), "unknown key 'nxet'");
    }

    @Test
    void misspeltStepKeyIsNamedWithASuggestion() {
        dir.flow("typo", """
                id: typo
                steps:
                  - id: hi
                    say: hello
                    nxet: bye
                  - id: bye
                    end: bye
                """);

        assertReported(
                dir.problems(),
                dir.at("flows/typo.yaml", 5, "typo", "hi"),
                "unknown key 'nxet' in a step (did you mean 'next'?); a say step takes: id, say, buttons, next");
    }

    @Test
    void keyOfAnotherStepTypeIsNamed() {
        dir.flow("typo", """
                id: typo
                steps:
                  - id: hi
                    say: hello
                    outcomes: {done: bye}
                  - id: bye
                    end: bye
                """);

        assertReported(
                dir.problems(),
                dir.at("flows/typo.yaml", 5, "typo", "hi"),
                "key 'outcomes' does not belong in a say step");
    }

    @Test
    void misspeltFlowKeyIsNamed() {
        dir.flow("typo", """
                id: typo
                trigers:
                  commands: [typo]
                steps:
                  - id: bye
                    end: bye
                """);

        assertReported(
                dir.problems(),
                dir.at("flows/typo.yaml", 2, "typo", null),
                "unknown key 'trigers' in a flow (did you mean 'triggers'?)");
    }

    @Test
    void stepNeedsExactlyOneType() {
        dir.flow("types", """
                id: types
                steps:
                  - id: none
                    next: both
                  - id: both
                    say: hello
                    end: bye
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/types.yaml", 3, "types", "none"),
                "step has no type; give exactly one of say, ask");
        assertReported(
                problems, dir.at("flows/types.yaml", 5, "types", "both"), "step has more than one type (say, end)");
    }

    @Test
    void stepAndFlowNeedAnId() {
        dir.flow("anonymous", """
                steps:
                  - id: hi
                    say: hello
                  - say: bye
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(problems, dir.at("flows/anonymous.yaml", 1, null, null), "'id' is missing or empty");
        assertReported(problems, dir.at("flows/anonymous.yaml", 4, null, null), "step 2 has no id");
    }

    @Test
    void stepIdUsedTwiceNamesBothLines() {
        dir.flow("twice", """
                id: twice
                steps:
                  - id: hi
                    say: hello
                  - id: hi
                    end: bye
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/twice.yaml", 5, "twice", "hi"),
                "step id 'hi' is used twice in this flow (first on line 3)");
        assertThat(problems).as("no unreachable-step noise from the duplicate").hasSize(1);
    }

    @Test
    void flowIdUsedTwiceNamesBothFiles() {
        dir.flow("a_first", "id: same\nsteps:\n  - id: bye\n    end: bye\n")
                .flow("b_second", "# the second one\nid: same\nsteps:\n  - id: bye\n    end: bye\n");

        assertReported(
                dir.problems(),
                dir.at("flows/b_second.yaml", 2, "same", null),
                "flow id 'same' is also used by " + dir.file("flows/a_first.yaml") + ":1");
    }

    @Test
    void buttonNeedsEitherValueOrFlow() {
        dir.menuFlows().flow("buttons", """
                id: buttons
                steps:
                  - id: pick
                    ask: pick
                    slot: choice
                    buttons:
                      - [{text: one, value: "1", flow: complaint}]
                      - [{text: two}, {text: one, value: "1"}]
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems, dir.at("flows/buttons.yaml", 7, "buttons", "pick"), "a button has both 'value' and 'flow'");
        assertReported(problems, dir.at("flows/buttons.yaml", 8, "buttons", "pick"), "a button needs either 'value'");
    }

    @Test
    void valueButtonsBelongOnAskSteps() {
        dir.flow("say", """
                id: say
                steps:
                  - id: hi
                    say: hello
                    buttons: [[{text: one, value: "1"}]]
                """);

        assertReported(
                dir.problems(),
                dir.at("flows/say.yaml", 5, "say", "hi"),
                "a say step cannot take a button with a value");
    }

    @Test
    void askWithoutButtonsMustAcceptText() {
        dir.flow("ask", """
                id: ask
                steps:
                  - id: name
                    ask: pick
                    slot: name
                    input: buttons
                  - id: menu_only
                    ask: pick
                    slot: other
                    buttons: menu
                """).menuFlows();

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/ask.yaml", 6, "ask", "name"),
                "this ask waits for a button, but has no buttons with a value");
        assertReported(problems, dir.at("flows/ask.yaml", 10, "ask", "menu_only"), "this ask waits for a button");
    }

    @Test
    void askInputMustBeButtonsOrText() {
        dir.flow("ask", "id: ask\nsteps:\n  - id: name\n    ask: pick\n    slot: name\n    input: voice\n");

        assertReported(
                dir.problems(),
                dir.at("flows/ask.yaml", 6, "ask", "name"),
                "input must be 'buttons' or 'text', not 'voice'");
    }

    @Test
    void askNeedsASlot() {
        dir.flow("ask", "id: ask\nsteps:\n  - id: name\n    ask: pick\n");

        assertReported(dir.problems(), dir.at("flows/ask.yaml", 3, "ask", "name"), "'slot' is missing or empty");
    }

    @Test
    void invalidPatternIsNamed() {
        dir.flow("ask", """
                id: ask
                steps:
                  - id: order
                    ask: pick
                    slot: order
                    input: text
                    pattern: "[0-9+"
                """);

        assertReported(
                dir.problems(),
                dir.at("flows/ask.yaml", 7, "ask", "order"),
                "pattern '[0-9+' is not a valid regular expression: Unclosed character class");
    }

    @Test
    void patternNeedsTextInput() {
        dir.flow("ask", """
                id: ask
                steps:
                  - id: order
                    ask: pick
                    slot: order
                    buttons: [[{text: one, value: "1"}]]
                    pattern: "[0-9]+"
                """);

        assertReported(
                dir.problems(),
                dir.at("flows/ask.yaml", 7, "ask", "order"),
                "pattern checks typed answers, but this ask accepts buttons only");
    }

    @Test
    void keyGivenTwiceInAStepIsReported() {
        dir.flow("twice", """
                id: twice
                steps:
                  - id: hi
                    say: hello
                    say: bye
                """);

        assertReported(
                dir.problems(),
                dir.at("flows/twice.yaml", 5, "twice", "hi"),
                "key 'say' is given twice (first on line 4)");
    }

    @Test
    void flowNeedsSteps() {
        dir.flow("empty", "id: empty\nsteps: []\n");

        assertReported(
                dir.problems(),
                dir.at("flows/empty.yaml", 2, "empty", null),
                "a flow needs 'steps:', a list of at least one step");
    }

    @Test
    void idsAndCommandsStayPlain() {
        dir.flow("odd", """
                id: odd.flow
                triggers:
                  commands: [/odd]
                steps:
                  - id: "a:b"
                    end: bye
                  - id: end
                    end: bye
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/odd.yaml", 1, "odd.flow", null),
                "flow id 'odd.flow' may only use letters, digits");
        assertReported(
                problems,
                dir.at("flows/odd.yaml", 3, "odd.flow", null),
                "command '/odd' must be 1 to 32 of a-z, 0-9 and '_', written without the slash");
        assertReported(
                problems, dir.at("flows/odd.yaml", 5, "odd.flow", "a:b"), "step id 'a:b' may only use letters, digits");
        assertReported(problems, dir.at("flows/odd.yaml", 7, "odd.flow", "end"), "'end' cannot be a step id");
    }

    @Test
    void strayYmlFileIsNotSilentlyIgnored() {
        dir.flow("ok", "id: ok\nsteps:\n  - id: bye\n    end: bye\n").write("flows/other.yml", "id: other\n");

        assertThat(dir.problems())
                .map(FlowProblem::toString)
                .containsExactly(dir.file("flows/other.yml") + ": not read: flow files end in .yaml; rename it");
    }
}
