package dev.rapport.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a model's confidence can be trusted: answers grouped by the probability the model gave
 * them, and how often each group was right. A well calibrated model is right about 80% of the
 * time when it says 0.8; the expected calibration error (ECE) is the gap between confidence and
 * accuracy averaged over all answers, 0 for perfect calibration. Thresholds are chosen from it:
 * {@link #below} tells what a threshold would give up. Immutable and thread-safe.
 */
public final class Calibration {

    /** Lower edges of the bins; each runs to the next edge, the last one to 1.0 inclusive. */
    static final double[] EDGES = {0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /**
     * One bin.
     *
     * @param from lowest confidence in the bin (inclusive)
     * @param to highest confidence (exclusive, except 1.0 in the last bin)
     * @param count answers in the bin
     * @param accuracy share of them that were right, 0 for an empty bin
     * @param meanConfidence their average confidence, 0 for an empty bin
     */
    public record Bin(double from, double to, int count, double accuracy, double meanConfidence) {}

    /**
     * Answers below a confidence threshold.
     *
     * @param count how many answers fall below it
     * @param right how many of those were right and would be lost by the threshold
     */
    public record Below(int count, int right) {}

    private final double[] confidences;
    private final boolean[] correct;

    private Calibration(double[] confidences, boolean[] correct) {
        this.confidences = confidences;
        this.correct = correct;
    }

    /**
     * @param confidences the probability the model gave each answer, in [0, 1]
     * @param correct whether each answer was right, pair by pair with {@code confidences}
     */
    public static Calibration of(List<Double> confidences, List<Boolean> correct) {
        if (confidences.size() != correct.size()) {
            throw new IllegalArgumentException(confidences.size() + " confidences but " + correct.size() + " answers");
        }
        double[] values = new double[confidences.size()];
        boolean[] right = new boolean[correct.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, Math.min(1, confidences.get(i)));
            right[i] = correct.get(i);
        }
        return new Calibration(values, right);
    }

    public int total() {
        return confidences.length;
    }

    /** The bins from low to high confidence, empty ones included. */
    public List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        for (int bin = 0; bin < EDGES.length; bin++) {
            double from = EDGES[bin];
            double to = bin + 1 < EDGES.length ? EDGES[bin + 1] : 1.0;
            int count = 0;
            int right = 0;
            double sum = 0;
            for (int i = 0; i < confidences.length; i++) {
                if (binOf(confidences[i]) == bin) {
                    count++;
                    right += correct[i] ? 1 : 0;
                    sum += confidences[i];
                }
            }
            bins.add(new Bin(from, to, count, count == 0 ? 0 : (double) right / count, count == 0 ? 0 : sum / count));
        }
        return bins;
    }

    /** Expected calibration error over {@link #bins()}: Σ (bin count / total) × |accuracy − mean confidence|. */
    public double expectedCalibrationError() {
        if (confidences.length == 0) {
            return 0;
        }
        double error = 0;
        for (Bin bin : bins()) {
            error += (double) bin.count() / confidences.length * Math.abs(bin.accuracy() - bin.meanConfidence());
        }
        return error;
    }

    /** The answers whose confidence is below {@code threshold}. */
    public Below below(double threshold) {
        int count = 0;
        int right = 0;
        for (int i = 0; i < confidences.length; i++) {
            if (confidences[i] < threshold) {
                count++;
                right += correct[i] ? 1 : 0;
            }
        }
        return new Below(count, right);
    }

    private static int binOf(double confidence) {
        for (int bin = EDGES.length - 1; bin > 0; bin--) {
            if (confidence >= EDGES[bin]) {
                return bin;
            }
        }
        return 0;
    }
}
