package org.jnmt.cli;

import org.jnmt.align.LinePlot;
import org.jnmt.train.MetricsLog;
import org.jnmt.train.TrainReport;
import org.jnmt.train.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class TrainingCurvesTest {

    /** Epochs began at steps 0, 150 (a validation at the end of epoch 1 is recorded in epoch 2) and 300. */
    private static final MetricsLog.Records RECORDS = new MetricsLog.Records(
            List.of(train(75, 1), train(225, 2), train(450, 3)),
            List.of(new ValidationReport(150, 2, 3.0, 10.0, 1), new ValidationReport(300, 3, 2.5, 12.0, 2)));

    private static TrainReport train(long step, int epoch) {
        return new TrainReport(step, epoch, 4.0 / epoch, 1e-3, 1000, 1, step);
    }

    @Test
    void stepsAreTheRecordedSteps() {
        LinePlot plot = TrainingCurves.plot("run", RECORDS, false);
        assertArrayEquals(new double[]{150, 300}, plot.series().get(0).x());
        assertArrayEquals(new double[]{10, 12}, plot.series().get(0).y());
        assertArrayEquals(new double[]{75, 225, 450}, plot.series().get(1).x());
    }

    @Test
    void epochsAreInterpolatedBetweenTheStepsWhereEpochsBegan() {
        LinePlot plot = TrainingCurves.plot("run", RECORDS, true);
        assertArrayEquals(new double[]{1, 2}, plot.series().get(0).x(), 1e-9);
        // The last epoch is taken to be as long as the one before it (150 steps).
        assertArrayEquals(new double[]{0.5, 1.5, 3.0}, plot.series().get(1).x(), 1e-9);
    }
}
