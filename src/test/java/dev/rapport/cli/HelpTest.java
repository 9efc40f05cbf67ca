package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} works on every command and subcommand, and never asks for required options. */
class HelpTest {

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        List<String> failures = new ArrayList<>();
        visit(new CommandLine(new Main()), failures);
        assertThat(failures).isEmpty();
    }

    private static void visit(CommandLine command, List<String> failures) {
        List<String> path = new ArrayList<>();
        for (CommandLine at = command; at.getParent() != null; at = at.getParent()) {
            path.add(0, at.getCommandName());
        }
        path.add("--help");
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        var root = new CommandLine(new Main());
        root.setOut(new java.io.PrintWriter(out));
        root.setErr(new java.io.PrintWriter(err));
        int exit = root.execute(path.toArray(String[]::new));
        if (exit != 0 || !out.toString().contains("Usage:") || !err.toString().isEmpty()) {
            failures.add(String.join(" ", path) + " -> exit " + exit + ": " + err);
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> visit(sub, failures));
    }
}
