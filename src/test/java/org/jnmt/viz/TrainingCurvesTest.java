package org.jnmt.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jnmt.train.MetricsLog;
import org.jnmt.train.TrainReport;
import org.jnmt.train.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {

    /** Epochs began at steps 0, 150 (a validation at the end of epoch 1 is recorded in epoch 2) and 300. */
    private static final MetricsLog.Records RECORDS = new MetricsLog.Records(
            List.of(train(75, 1), train(225, 2), train(450, 3)),
            List.of(new ValidationReport(150, 2, 3.0, 10.0, 1), new ValidationReport(300, 3, 2.5, 12.0, 2)));

    @TempDir
    Path dir;

    private static TrainReport train(long step, int epoch) {
        return new TrainReport(step, epoch, 4.0 / epoch, 1e-3, 1000, 1, step);
    }

    @Test
    void stepsAreTheRecordedSteps() {
        XYPlot plot = TrainingCurves.chart("run", RECORDS, false).getXYPlot();
        assertArrayEquals(new double[] {150, 300}, xs(plot.getDataset(TrainingCurves.BLEU)));
        assertArrayEquals(new double[] {10, 12}, ys(plot.getDataset(TrainingCurves.BLEU)));
        assertArrayEquals(new double[] {75, 225, 450}, xs(plot.getDataset(TrainingCurves.LOSS)));
        assertArrayEquals(new double[] {4, 2, 4.0 / 3}, ys(plot.getDataset(TrainingCurves.LOSS)), 1e-12);
        assertEquals("step", plot.getDomainAxis().getLabel());
    }

    @Test
    void epochsAreInterpolatedBetweenTheStepsWhereEpochsBegan() {
        XYPlot plot = TrainingCurves.chart("run", RECORDS, true).getXYPlot();
        assertArrayEquals(new double[] {1, 2}, xs(plot.getDataset(TrainingCurves.BLEU)), 1e-9);
        // The last epoch is taken to be as long as the one before it (150 steps).
        assertArrayEquals(new double[] {0.5, 1.5, 3.0}, xs(plot.getDataset(TrainingCurves.LOSS)), 1e-9);
        assertEquals("epoch", plot.getDomainAxis().getLabel());
    }

    @Test
    void lossIsMeasuredOnItsOwnRightAxis() {
        XYPlot plot = TrainingCurves.chart("run", RECORDS, false).getXYPlot();
        assertSame(plot.getRangeAxis(TrainingCurves.LOSS), plot.getRangeAxisForDataset(TrainingCurves.LOSS));
        assertSame(plot.getRangeAxis(TrainingCurves.BLEU), plot.getRangeAxisForDataset(TrainingCurves.BLEU));
        assertTrue(plot.getRangeAxis(TrainingCurves.LOSS).getLabel().startsWith("train loss"));
    }

    @Test
    void writesAPngOfTheRequestedSizeWithBothSeriesDrawn() throws Exception {
        MetricsLog.Records withGap = new MetricsLog.Records(
                RECORDS.train(),
                List.of(
                        new ValidationReport(150, 2, 3.0, 10.0, 1),
                        new ValidationReport(225, 2, 3.0, Double.NaN, 1),
                        new ValidationReport(300, 3, 2.5, 12.0, 2)));
        JFreeChart chart = TrainingCurves.chart("Training", withGap, false);
        Path file = dir.resolve("plots").resolve("curves.png");
        TrainingCurves.writePng(file, chart, 800, 480);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(480, image.getHeight());
        assertTrue(countColour(image, 0x1f77b4) > 100, "dev BLEU is drawn in blue");
        assertTrue(countColour(image, 0xff7f0e) > 100, "train loss is drawn in orange");
    }

    private static double[] xs(XYDataset data) {
        double[] x = new double[data.getItemCount(0)];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.getXValue(0, i);
        }
        return x;
    }

    private static double[] ys(XYDataset data) {
        double[] y = new double[data.getItemCount(0)];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.getYValue(0, i);
        }
        return y;
    }

    private static int countColour(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
