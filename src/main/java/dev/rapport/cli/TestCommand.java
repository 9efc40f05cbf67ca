package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.config.RapportConfig;
import dev.rapport.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rapport test [FILE...]}: runs the conversation tests ({@code conversations/tests/*.yaml}, or
 * the files given) on the real flows, actions and NLU. It starts Rapport on a private temporary
 * embedded database (no web port in use, no Telegram), so a running server and its customers are
 * never touched; each dialogue also runs in a transaction that is rolled back. Exit code 0 when every
 * dialogue passes, 1 when one fails (its diff is printed), 2 when a file cannot be read.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Runs the conversation tests of conversations/tests (or the files given) against the real "
                + "flows, on a temporary database; prints a diff for each dialogue that fails.")
final class TestCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Parameters(
            arity = "0..*",
            paramLabel = "FILE",
            description = "Test files (default: every .yaml in conversations/tests).")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RapportConfig configured = config.load();
        List<DialogueTest> tests;
        try {
            tests = files.isEmpty()
                    ? DialogueTestFiles.folder(configured.conversationsDir().resolve("tests"))
                    : files.stream()
                            .flatMap(file -> DialogueTestFiles.file(file).stream())
                            .toList();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        Path scratch = Files.createTempDirectory("rapport-test-");
        try {
            copyNluModels(configured.dataDir().resolve("nlu"), scratch.resolve("nlu"));
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.remove("DATABASE_URL");
            environment.remove("TELEGRAM_BOT_TOKEN");
            environment.put("PORT", "0");
            environment.put("RAPPORT_DATA_DIR", scratch.toString());
            RapportConfig settings = ConfigLoader.load(config.file, environment);
            try (Database database = Database.openMigrated(settings, 8);
                    App app = App.start(settings, database, false)) {
                return report(new DialogueTestRunner(database.jdbi(), app.engine()), tests, out);
            }
        } finally {
            delete(scratch);
        }
    }

    private static int report(DialogueTestRunner runner, List<DialogueTest> tests, PrintWriter out) {
        int failed = 0;
        for (DialogueTest test : tests) {
            DialogueTestRunner.Outcome outcome = runner.run(test);
            if (outcome.passed()) {
                out.println("ok   " + test.file().getFileName() + ": " + test.name());
            } else {
                failed++;
                out.println(outcome.report());
            }
        }
        out.println((tests.size() - failed) + " of " + tests.size() + " dialogues passed"
                + (failed == 0 ? "." : "; " + failed + " failed."));
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** The trained NLU models are reused (training them again would take longer than the tests). */
    private static void copyNluModels(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
