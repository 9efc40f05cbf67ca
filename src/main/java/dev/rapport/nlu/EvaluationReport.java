package dev.rapport.nlu;

import java.util.List;
import java.util.Locale;

/** Formats an {@link Evaluation} as a plain-text report for a terminal or a log. */
public final class EvaluationReport {

    private EvaluationReport() {}

    /**
     * Accuracy, a precision/recall/F1 table, the confusion matrix, the task's headline figure and,
     * for an evaluation {@link Evaluation#run} made, calibration and the thresholds in use.
     */
    public static String format(Evaluation evaluation, Task task) {
        List<String> labels = evaluation.labels();
        int width = labels.stream()
                        .mapToInt(dev.rapport.store.DisplayWidth::of)
                        .max()
                        .orElse(5)
                + 2;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "examples: %d%naccuracy: %.3f%n%n", evaluation.total(), evaluation.accuracy()));
        out.append(pad("label", width)).append("precision  recall     f1  support\n");
        for (String label : labels) {
            if (evaluation.support(label) == 0 && evaluation.predictedCount(label) == 0) {
                continue;
            }
            out.append(pad(label, width))
                    .append(String.format(
                            Locale.ROOT,
                            "%9.3f %7.3f %6.3f %8d%n",
                            evaluation.precision(label),
                            evaluation.recall(label),
                            evaluation.f1(label),
                            evaluation.support(label)));
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
            out.append(String.format(
                    Locale.ROOT,
                    "complaint-vs-rest F1: %.3f (%d complaints)%n",
                    evaluation.complaintF1(),
                    evaluation.support(Intent.COMPLAINT.label())));
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    "polarity accuracy (positive/negative gold only): %.3f (%d examples)%n",
                    evaluation.polarityAccuracy(),
                    evaluation.polaritySupport()));
        }
        evaluation.calibration().ifPresent(calibration -> calibration(out, calibration, evaluation, task));
        return out.toString();
    }

    /** The reliability table, the expected calibration error and the thresholds Rapport uses. */
    private static void calibration(StringBuilder out, Calibration calibration, Evaluation evaluation, Task task) {
        out.append(
                task == Task.INTENT
                        ? "\ncalibration (confidence of the best intent, before the threshold; right = it was the gold label)\n"
                        : "\ncalibration (probability of the sentiment answered; right = it was the gold label)\n");
        out.append("confidence   count  accuracy  mean confidence\n");
        for (Calibration.Bin bin : calibration.bins()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%.1f-%.1f %8d %9s %16s%n",
                    bin.from(),
                    bin.to(),
                    bin.count(),
                    bin.count() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", bin.accuracy()),
                    bin.count() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", bin.meanConfidence())));
        }
        out.append(String.format(
                Locale.ROOT,
                "expected calibration error: %.3f (0 = confidence matches accuracy)%n",
                calibration.expectedCalibrationError()));
        out.append("thresholds Rapport uses:\n");
        if (task == Task.INTENT) {
            Calibration.Below below = calibration.below(Nlu.INTENT_THRESHOLD);
            out.append(String.format(
                    Locale.ROOT,
                    "  intent confidence < %.2f answers \"unknown\": %d of %d messages here, %d of which the best guess had right%n",
                    Nlu.INTENT_THRESHOLD,
                    below.count(),
                    calibration.total(),
                    below.right()));
        } else {
            out.append("  sentiment: the most likely label; neutral when no label beats neutral\n");
            evaluation
                    .strongNegatives()
                    .ifPresent(strong -> out.append(String.format(
                            Locale.ROOT,
                            "  score <= %.2f is strongly negative (escalation signal, complaint priority): %d messages here, "
                                    + "%d of them gold negative; %d of %d gold negatives reach it%n",
                            Nlu.STRONGLY_NEGATIVE_SCORE,
                            strong.count(),
                            strong.negative(),
                            strong.negative(),
                            strong.goldNegative())));
        }
    }

    /** Padded by display width (a label may be Chinese), with at least one space after it. */
    private static String pad(String text, int width) {
        return dev.rapport.store.DisplayWidth.of(text) >= width
                ? text + " "
                : dev.rapport.store.DisplayWidth.pad(text, width, true);
    }
}
