package dev.rapport.nlu;

import java.util.List;
import java.util.Locale;

/** Formats an {@link Evaluation} as a plain-text report for a terminal or a log. */
public final class EvaluationReport {

    private EvaluationReport() {}

    /** Accuracy, a precision/recall/F1 table, the confusion matrix and the task's headline figure. */
    public static String format(Evaluation evaluation, Task task) {
        List<String> labels = evaluation.labels();
        int width = labels.stream().mapToInt(dev.rapport.store.DisplayWidth::of).max().orElse(5) + 2;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "examples: %d%naccuracy: %.3f%n%n", evaluation.total(), evaluation.accuracy()));
        out.append(pad("label", width)).append("precision  recall     f1  support\n");
        for (String label : labels) {
            if (evaluation.support(label) == 0 && evaluation.predictedCount(label) == 0) {
                continue;
            }
            out.append(pad(label, width)).append(String.format(Locale.ROOT, "%9.3f %7.3f %6.3f %8d%n",
                    evaluation.precision(label), evaluation.recall(label), evaluation.f1(label), evaluation.support(label)));
        }
        out.append("\nconfusion matrix (rows: gold label, columns: predicted label by number)\n");
        out.append(pad("", width + 4));
        for (int column = 0; column < labels.size(); column++) {
            out.append(String.format(Locale.ROOT, "%5d", column + 1));
        }
        out.append('\n');
        for (int row = 0; row < labels.size(); row++) {
            out.append(String.format(Locale.ROOT, "%2d  ", row + 1)).append(pad(labels.get(row), width));
            for (String predicted : labels) {
                out.append(String.format(Locale.ROOT, "%5d", evaluation.count(labels.get(row), predicted)));
            }
            out.append('\n');
        }
        out.append('\n');
        if (task == Task.INTENT) {
            out.append(String.format(Locale.ROOT, "complaint-vs-rest F1: %.3f (%d complaints)%n",
                    evaluation.complaintF1(), evaluation.support(Intent.COMPLAINT.label())));
        } else {
            out.append(String.format(Locale.ROOT, "polarity accuracy (positive/negative gold only): %.3f (%d examples)%n",
                    evaluation.polarityAccuracy(), evaluation.polaritySupport()));
        }
        return out.toString();
    }

    /** Padded by display width (a label may be Chinese), with at least one space after it. */
    private static String pad(String text, int width) {
        return dev.rapport.store.DisplayWidth.of(text) >= width ? text + " "
                : dev.rapport.store.DisplayWidth.pad(text, width, true);
    }
}
