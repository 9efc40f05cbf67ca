package dev.rapport.cli;

import dev.rapport.nlu.Evaluation;
import dev.rapport.nlu.EvaluationReport;
import dev.rapport.nlu.LabelledText;
import dev.rapport.nlu.LabelledTexts;
import dev.rapport.nlu.LanguagePrior;
import dev.rapport.nlu.Nlu;
import dev.rapport.nlu.NluException;
import dev.rapport.nlu.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rapport nlu eval}: scores the models on a {@code label<TAB>text} file they were not trained on. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Prints accuracy, per-label precision/recall/F1, the confusion matrix, the headline figure, "
                + "calibration (accuracy per confidence bin, expected calibration error) and the thresholds in use "
                + "for a label<TAB>text file.")
final class NluEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NluLocations locations;

    @Mixin
    LangOption lang;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "UTF-8 lines of label<TAB>text.")
    Path data;

    @Option(
            names = "--task",
            paramLabel = "intent|sentiment",
            description =
                    "What the labels are. Default: sentiment when the file name contains \"sentiment\", else intent.")
    String task;

    @Option(
            names = "--language",
            paramLabel = "en|zh",
            description =
                    "Skip language detection and use this language. Default: detect per message, as in production.")
    String language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var labels = lang.labels();
        Task chosenTask = task != null
                ? parseTask(task)
                : data.getFileName().toString().contains("sentiment") ? Task.SENTIMENT : Task.INTENT;
        if (chosenTask == null || (language != null && !language.equals("en") && !language.equals("zh"))) {
            err.println(labels.get("nlu.eval.wrong_options"));
            return 2;
        }
        try {
            List<LabelledText> examples = LabelledTexts.read(data, chosenTask);
            Nlu nlu = Nlu.load(locations.nluDir, locations.cacheDir());
            out.println(labels.get("nlu.eval.data", data));
            out.println(labels.get("nlu.eval.task", chosenTask.label()));
            out.println(
                    language != null
                            ? labels.get("nlu.eval.language_forced", language)
                            : labels.get("nlu.eval.language_detected", detectedLanguages(nlu, examples)));
            out.print(EvaluationReport.format(Evaluation.run(nlu, examples, chosenTask, language), chosenTask));
            out.flush();
            return 0;
        } catch (NluException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static Task parseTask(String name) {
        for (Task candidate : Task.values()) {
            if (candidate.label().equals(name.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        return null;
    }

    private static Map<String, Integer> detectedLanguages(Nlu nlu, List<LabelledText> examples) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LabelledText example : examples) {
            counts.merge(nlu.understand(example.text(), LanguagePrior.none()).language(), 1, Integer::sum);
        }
        return counts;
    }
}
