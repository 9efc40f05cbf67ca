package dev.rapport.flow;

import static dev.rapport.flow.ConversationsDir.assertReported;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps naming steps, and steps nothing leads to. */
class StepGraphProblemsTest {

    @TempDir
    Path root;

    ConversationsDir dir;

    @BeforeEach
    void setUp() {
        dir = new ConversationsDir(root);
    }

    @Test
    void nextNamingAnUnknownStepIsReportedAtItsLine() {
        dir.flow("complaint", """
                id: complaint
                steps:
                  - id: greet
                    say: hello
                    next: ask_ordr
                  - id: ask_order
                    ask: pick
                    slot: order
                """);

        List<FlowProblem> problems = dir.problems();

        assertThat(problems)
                .map(FlowProblem::toString)
                .containsExactly(
                        dir.file("flows/complaint.yaml")
                                + ":5: flow 'complaint', step 'greet': next names unknown step 'ask_ordr' (did you mean 'ask_order'?)");
    }

    @Test
    void outcomesCasesAndOtherwiseNamingUnknownStepsAreReported() {
        dir.flow("paths", """
                id: paths
                steps:
                  - id: pick
                    ask: pick
                    slot: choice
                    buttons: [[{text: one, value: "1"}]]
                  - id: save
                    action: record_answer
                    outcomes:
                      failed: oops
                  - id: route
                    branch:
                      on: choice
                      cases:
                        "1": uno
                      otherwise: nowhere
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems, dir.at("flows/paths.yaml", 10, "paths", "save"), "outcomes.failed names unknown step 'oops'");
        assertReported(problems, dir.at("flows/paths.yaml", 15, "paths", "route"), "cases.1 names unknown step 'uno'");
        assertReported(
                problems, dir.at("flows/paths.yaml", 16, "paths", "route"), "otherwise names unknown step 'nowhere'");
    }

    @Test
    void stepNothingLeadsToIsUnreachable() {
        dir.flow("lost", """
                id: lost
                steps:
                  - id: hi
                    say: hello
                    next: end
                  - id: orphan
                    say: bye
                  - id: after_orphan
                    end: bye
                """);

        List<FlowProblem> problems = dir.problems();

        assertReported(
                problems,
                dir.at("flows/lost.yaml", 6, "lost", "orphan"),
                "step is unreachable: no path from the first step 'hi'");
        assertReported(problems, dir.at("flows/lost.yaml", 8, "lost", "after_orphan"), "step is unreachable");
        assertThat(problems).hasSize(2);
    }

    @Test
    void stepsAfterEndGotoAndBranchAreReachedOnlyWhenNamed() {
        dir.flow("jumps", """
                id: jumps
                steps:
                  - id: route
                    branch: {on: tier, cases: {key: vip}, otherwise: regular}
                  - id: vip
                    say: hello
                    next: done
                  - id: regular
                    goto: other
                  - id: skipped
                    say: bye
                  - id: done
                    end: bye
                """).flow("other", "id: other\nsteps:\n  - id: bye\n    end: bye\n");

        List<FlowProblem> problems = dir.problems();

        assertThat(problems)
                .map(FlowProblem::toString)
                .containsExactly(dir.at("flows/jumps.yaml", 10, "jumps", "skipped")
                        + "step is unreachable: no path from the first step 'route' leads to it; "
                        + "name it in a next, outcomes, cases or otherwise, or remove it");
    }

    @Test
    void fallThroughAndOutcomesReachSteps() {
        dir.flow("fine", """
                id: fine
                steps:
                  - id: save
                    action: record_answer
                    outcomes: {failed: sorry}
                    next: done
                  - id: sorry
                    say: hello
                  - id: done
                    end: bye
                """);

        assertThat(dir.load().flow("fine")).isPresent();
    }
}
