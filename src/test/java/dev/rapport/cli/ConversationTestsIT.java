package dev.rapport.cli;

import dev.rapport.it.RunningRapport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conversation test shipped in {@code conversations/tests}, one JUnit test per dialogue, on the
 * real flows, actions and NLU against a real database — what {@code rapport test} runs. A failure
 * shows the diff of the turn that went wrong and the dialogue up to it.
 */
class ConversationTestsIT {

    static RunningRapport rapport;

    @BeforeAll
    static void start() {
        rapport = RunningRapport.start();
    }

    @AfterAll
    static void stop() {
        rapport.close();
    }

    @TestFactory
    Stream<DynamicTest> everyShippedDialogue() {
        List<DialogueTest> tests = DialogueTestFiles.folder(Path.of("conversations/tests"));
        var runner = new DialogueTestRunner(rapport.database.jdbi(), rapport.engine());
        return tests.stream()
                .map(test -> DynamicTest.dynamicTest(test.file().getFileName() + ": " + test.name(), () -> {
                    var outcome = runner.run(test);
                    if (!outcome.passed()) {
                        throw new AssertionError("\n" + outcome.report());
                    }
                }));
    }
}
