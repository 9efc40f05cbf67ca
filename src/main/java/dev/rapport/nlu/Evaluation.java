package dev.rapport.nlu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Predicted labels scored against gold labels: accuracy, precision, recall and F1 per label, and
 * the confusion matrix; plus the two figures Rapport is judged on, complaint-versus-rest F1 and
 * positive/negative polarity accuracy. Immutable and thread-safe.
 *
 * <p>Conventions: precision is 0 for a label never predicted, recall 0 for a label never gold, F1
 * 0 when precision and recall are both 0. A prediction of "unknown" is simply wrong.
 */
public final class Evaluation {

    private final List<String> labels;
    private final int[][] confusion;
    private final int total;
    private final Calibration calibration;
    private final StrongNegatives strongNegatives;

    /**
     * Messages whose sentiment score reached {@link Nlu#STRONGLY_NEGATIVE_SCORE}.
     *
     * @param count how many
     * @param negative how many of them were gold negative
     * @param goldNegative how many gold negatives there were in all
     */
    public record StrongNegatives(int count, int negative, int goldNegative) {}

    private Evaluation(
            List<String> labels,
            int[][] confusion,
            int total,
            Calibration calibration,
            StrongNegatives strongNegatives) {
        this.labels = labels;
        this.confusion = confusion;
        this.total = total;
        this.calibration = calibration;
        this.strongNegatives = strongNegatives;
    }

    /**
     * Scores {@code predicted} against {@code gold}, pair by pair.
     *
     * @param labelOrder labels to list first, in this order; labels seen only in the data follow
     *     in order of appearance
     */
    public static Evaluation of(List<String> labelOrder, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + predicted.size() + " predictions");
        }
        Set<String> labels = new LinkedHashSet<>(labelOrder);
        labels.addAll(gold);
        labels.addAll(predicted);
        List<String> order = List.copyOf(labels);
        int[][] confusion = new int[order.size()][order.size()];
        for (int i = 0; i < gold.size(); i++) {
            confusion[order.indexOf(gold.get(i))][order.indexOf(predicted.get(i))]++;
        }
        return new Evaluation(order, confusion, gold.size(), null, null);
    }

    private Evaluation with(Calibration calibration, StrongNegatives strongNegatives) {
        return new Evaluation(labels, confusion, total, calibration, strongNegatives);
    }

    /**
     * Runs {@code nlu} over labelled examples and scores its answers for {@code task}.
     *
     * @param forcedLanguage "en" or "zh" to skip language detection, null to detect as in production
     */
    public static Evaluation run(Nlu nlu, List<LabelledText> examples, Task task, String forcedLanguage) {
        List<String> gold = new ArrayList<>(examples.size());
        List<String> predicted = new ArrayList<>(examples.size());
        List<Double> confidences = new ArrayList<>(examples.size());
        List<Boolean> correct = new ArrayList<>(examples.size());
        int strong = 0;
        int strongAndNegative = 0;
        for (LabelledText example : examples) {
            Nlu.Scored scored = nlu.score(example.text(), LanguagePrior.none(), forcedLanguage);
            Understanding understanding = scored.understanding();
            gold.add(example.label());
            if (task == Task.INTENT) {
                predicted.add(understanding.intent().label());
                // Calibration judges the model's own best guess, before the threshold made it unknown.
                confidences.add(understanding.intentConfidence());
                correct.add(scored.topIntent().label().equals(example.label()));
            } else {
                predicted.add(understanding.sentiment().label());
                confidences.add(scored.sentimentConfidence());
                correct.add(understanding.sentiment().label().equals(example.label()));
                if (understanding.sentimentScore() <= Nlu.STRONGLY_NEGATIVE_SCORE) {
                    strong++;
                    strongAndNegative += example.label().equals(Sentiment.NEGATIVE.label()) ? 1 : 0;
                }
            }
        }
        List<String> order = new ArrayList<>(task.labels());
        if (task == Task.INTENT) {
            order.add(Intent.UNKNOWN.label());
        }
        Evaluation evaluation = of(order, gold, predicted);
        StrongNegatives strongNegatives = task == Task.SENTIMENT
                ? new StrongNegatives(strong, strongAndNegative, evaluation.support(Sentiment.NEGATIVE.label()))
                : null;
        return evaluation.with(Calibration.of(confidences, correct), strongNegatives);
    }

    /** How the confidences of a {@link #run} compare with how often it was right; empty for {@link #of}. */
    public Optional<Calibration> calibration() {
        return Optional.ofNullable(calibration);
    }

    /** For a sentiment {@link #run}: how the strongly negative scores fared; empty otherwise. */
    public Optional<StrongNegatives> strongNegatives() {
        return Optional.ofNullable(strongNegatives);
    }

    /** Every label, gold or predicted, in report order. */
    public List<String> labels() {
        return labels;
    }

    public int total() {
        return total;
    }

    /** How many examples of gold label {@code gold} were predicted as {@code predicted}. */
    public int count(String gold, String predicted) {
        int row = labels.indexOf(gold);
        int column = labels.indexOf(predicted);
        return row < 0 || column < 0 ? 0 : confusion[row][column];
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += confusion[i][i];
        }
        return ratio(correct, total);
    }

    /** Examples whose gold label is {@code label}. */
    public int support(String label) {
        int index = labels.indexOf(label);
        int count = 0;
        for (int column = 0; index >= 0 && column < labels.size(); column++) {
            count += confusion[index][column];
        }
        return count;
    }

    /** Examples predicted as {@code label}. */
    public int predictedCount(String label) {
        int index = labels.indexOf(label);
        int count = 0;
        for (int row = 0; index >= 0 && row < labels.size(); row++) {
            count += confusion[row][index];
        }
        return count;
    }

    public double precision(String label) {
        return ratio(count(label, label), predictedCount(label));
    }

    public double recall(String label) {
        return ratio(count(label, label), support(label));
    }

    public double f1(String label) {
        double precision = precision(label);
        double recall = recall(label);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** F1 of "complaint" against every other label, the same as the complaint row's F1. */
    public double complaintF1() {
        return f1(Intent.COMPLAINT.label());
    }

    /** Examples whose gold label is positive or negative. */
    public int polaritySupport() {
        return support(Sentiment.POSITIVE.label()) + support(Sentiment.NEGATIVE.label());
    }

    /**
     * Of the examples whose gold label is positive or negative (neutral gold labels ignored), the
     * share predicted with exactly that label; a neutral prediction counts as wrong.
     */
    public double polarityAccuracy() {
        String positive = Sentiment.POSITIVE.label();
        String negative = Sentiment.NEGATIVE.label();
        return ratio(count(positive, positive) + count(negative, negative), polaritySupport());
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public String toString() {
        return "Evaluation[total=" + total + ", accuracy=" + accuracy() + ", labels=" + labels + "]";
    }
}
