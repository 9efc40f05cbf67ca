package dev.rapport.cli;

import dev.rapport.nlu.LoadReport;
import dev.rapport.nlu.Nlu;
import dev.rapport.nlu.NluException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rapport nlu train}: trains every model now, whatever the cache holds, and writes them. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Trains the intent and sentiment models of every language and writes them to the cache directory.")
final class NluTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NluLocations locations;

    @Mixin
    LangOption lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var labels = lang.labels();
        LoadReport report;
        try {
            report = Nlu.train(locations.nluDir, locations.cacheDir()).loadReport();
        } catch (NluException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        int total =
                report.examples().values().stream().mapToInt(Integer::intValue).sum();
        out.println(labels.get("nlu.trained_from", total, locations.nluDir));
        report.examples().forEach((file, count) -> out.printf("  %-18s %6d%n", file, count));
        out.println(labels.get(
                "nlu.models_written",
                report.cacheDir().toAbsolutePath(),
                String.format(java.util.Locale.ROOT, "%.1f", report.duration().toMillis() / 1000.0),
                report.trainingHash()));
        out.flush();
        return 0;
    }
}
