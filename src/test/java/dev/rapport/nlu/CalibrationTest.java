package dev.rapport.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /**
     * Hand-counted: bin 0.5-0.6 holds 0.55 (right) and 0.55 (wrong): accuracy 0.5, mean 0.55;
     * bin 0.9-1.0 holds 0.95, 1.0 (both right): accuracy 1, mean 0.975; bin 0.0-0.3 holds 0.2
     * (wrong): accuracy 0, mean 0.2. ECE = 2/5 × 0.05 + 2/5 × 0.025 + 1/5 × 0.2 = 0.07.
     */
    private final Calibration calibration =
            Calibration.of(List.of(0.55, 0.55, 0.95, 1.0, 0.2), List.of(true, false, true, true, false));

    @Test
    void groupsAnswersByConfidenceAndCountsHowOftenTheyWereRight() {
        List<Calibration.Bin> bins = calibration.bins();
        assertThat(bins).hasSize(Calibration.EDGES.length);
        assertThat(bins.get(0)).isEqualTo(new Calibration.Bin(0.0, 0.3, 1, 0.0, 0.2));
        Calibration.Bin middle = bins.get(3);
        assertThat(middle.from()).isEqualTo(0.5);
        assertThat(middle.count()).isEqualTo(2);
        assertThat(middle.accuracy()).isEqualTo(0.5);
        assertThat(middle.meanConfidence()).isCloseTo(0.55, within(1e-12));
        Calibration.Bin top = bins.get(bins.size() - 1);
        assertThat(top.to()).isEqualTo(1.0);
        assertThat(top.count()).isEqualTo(2);
        assertThat(top.accuracy()).isEqualTo(1.0);
        assertThat(bins.get(1).count()).isZero();
        assertThat(calibration.expectedCalibrationError()).isCloseTo(0.07, within(1e-12));
    }

    @Test
    void tellsWhatAThresholdWouldGiveUp() {
        assertThat(calibration.below(0.6)).isEqualTo(new Calibration.Below(3, 1));
        assertThat(calibration.below(0.0)).isEqualTo(new Calibration.Below(0, 0));
        assertThat(Calibration.of(List.of(), List.of()).expectedCalibrationError())
                .isZero();
    }

    @Test
    void aRunOfTheModelsReportsCalibrationAndTheThresholds() {
        Evaluation plain = Evaluation.of(List.of("a"), List.of("a"), List.of("a"));
        assertThat(plain.calibration()).isEmpty();
        assertThat(EvaluationReport.format(plain, Task.INTENT)).doesNotContain("calibration");
    }
}
