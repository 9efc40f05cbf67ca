package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final org.assertj.core.data.Offset<Double> EXACT = within(1e-12);

    /**
     * Ten intents, hand-counted:
     * complaint: gold 4, predicted 4 (3 right, 1 from question), so P = 3/4, R = 3/4, F1 = 0.75.
     * refund: gold 3, predicted 2 (both right), so P = 1, R = 2/3, F1 = 0.8.
     * question: gold 3, predicted 3 (1 right), so P = 1/3, R = 1/3, F1 = 1/3.
     * unknown: predicted once, never gold, so P = R = F1 = 0. Accuracy 6/10.
     */
    private static final List<String> GOLD = List.of(
            "complaint",
            "complaint",
            "complaint",
            "complaint",
            "refund",
            "refund",
            "refund",
            "question",
            "question",
            "question");

    private static final List<String> PREDICTED = List.of(
            "complaint",
            "complaint",
            "complaint",
            "question",
            "refund",
            "refund",
            "question",
            "question",
            "complaint",
            "unknown");

    private final Evaluation evaluation = Evaluation.of(List.of("complaint", "refund", "question"), GOLD, PREDICTED);

    @Test
    void accuracyIsTheShareOfExactMatches() {
        assertThat(evaluation.total()).isEqualTo(10);
        assertThat(evaluation.accuracy()).isCloseTo(0.6, EXACT);
    }

    @Test
    void precisionRecallAndF1PerLabel() {
        assertThat(evaluation.precision("complaint")).isCloseTo(0.75, EXACT);
        assertThat(evaluation.recall("complaint")).isCloseTo(0.75, EXACT);
        assertThat(evaluation.f1("complaint")).isCloseTo(0.75, EXACT);
        assertThat(evaluation.precision("refund")).isCloseTo(1.0, EXACT);
        assertThat(evaluation.recall("refund")).isCloseTo(2.0 / 3, EXACT);
        assertThat(evaluation.f1("refund")).isCloseTo(0.8, EXACT);
        assertThat(evaluation.precision("question")).isCloseTo(1.0 / 3, EXACT);
        assertThat(evaluation.recall("question")).isCloseTo(1.0 / 3, EXACT);
        assertThat(evaluation.f1("question")).isCloseTo(1.0 / 3, EXACT);
        assertThat(evaluation.f1("unknown")).isZero();
        assertThat(evaluation.support("unknown")).isZero();
        assertThat(evaluation.predictedCount("unknown")).isEqualTo(1);
    }

    @Test
    void confusionMatrixCountsGoldAgainstPredicted() {
        assertThat(evaluation.labels()).containsExactly("complaint", "refund", "question", "unknown");
        assertThat(evaluation.count("complaint", "complaint")).isEqualTo(3);
        assertThat(evaluation.count("complaint", "question")).isEqualTo(1);
        assertThat(evaluation.count("refund", "question")).isEqualTo(1);
        assertThat(evaluation.count("question", "complaint")).isEqualTo(1);
        assertThat(evaluation.count("question", "unknown")).isEqualTo(1);
        assertThat(evaluation.count("refund", "complaint")).isZero();
        assertThat(evaluation.count("nonsense", "complaint")).isZero();
    }

    @Test
    void complaintF1IsComplaintAgainstEverythingElse() {
        // Binary view: TP 3, FP 1 (a question), FN 1 (predicted question): P = R = F1 = 0.75.
        assertThat(evaluation.complaintF1()).isCloseTo(0.75, EXACT);
    }

    @Test
    void polarityAccuracyIgnoresNeutralGoldLabels() {
        Evaluation sentiment = Evaluation.of(
                List.of("negative", "neutral", "positive"),
                List.of("negative", "negative", "negative", "positive", "positive", "neutral", "neutral"),
                List.of("negative", "negative", "neutral", "positive", "negative", "positive", "neutral"));
        // Of 5 polar gold labels, 3 are predicted exactly (a neutral prediction counts as wrong).
        assertThat(sentiment.polaritySupport()).isEqualTo(5);
        assertThat(sentiment.polarityAccuracy()).isCloseTo(0.6, EXACT);
        assertThat(sentiment.accuracy()).isCloseTo(4.0 / 7, EXACT);
    }

    @Test
    void emptyDataScoresZeroInsteadOfDividingByZero() {
        Evaluation empty = Evaluation.of(List.of("negative"), List.of(), List.of());
        assertThat(empty.accuracy()).isZero();
        assertThat(empty.f1("negative")).isZero();
        assertThat(empty.polarityAccuracy()).isZero();
    }

    @Test
    void refusesListsOfDifferentLength() {
        assertThatThrownBy(() -> Evaluation.of(List.of(), List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportShowsTheTableTheMatrixAndTheHeadlineFigure() {
        String report = EvaluationReport.format(evaluation, Task.INTENT);
        assertThat(report).contains("accuracy: 0.600", "complaint-vs-rest F1: 0.750 (4 complaints)");
        assertThat(report).containsPattern("refund\\s+1\\.000\\s+0\\.667\\s+0\\.800\\s+3");
        assertThat(report).containsPattern(" 1  complaint\\s+3\\s+0\\s+1\\s+0");
    }
}
