package org.jnmt.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jnmt.train.MetricsLog;
import org.jnmt.train.TrainReport;
import org.jnmt.train.ValidationReport;

/**
 * The training curves of a run as a JFreeChart line chart: dev BLEU on the left axis, train loss
 * (dashed) on the right, against steps or epochs. Epochs are fractional: a step's epoch is
 * interpolated between the steps at which the epochs began (the first step recorded in each), and
 * an epoch whose end is not recorded yet is taken to be as long as the one before it.
 */
public final class TrainingCurves {

    /** The index of the dev BLEU dataset (left axis) and of the train loss dataset (right axis). */
    public static final int BLEU = 0;

    public static final int LOSS = 1;
    /** Matplotlib's "tab10" blue and orange: distinct, and readable by most colour-blind readers. */
    private static final Color BLEU_COLOUR = new Color(0x1f77b4);

    private static final Color LOSS_COLOUR = new Color(0xff7f0e);
    /** Series with at most this many points also mark each point. */
    private static final int MARKERS_UP_TO = 40;

    private TrainingCurves() {}

    /** The chart of a run's metrics; the x axis counts steps, or epochs when {@code byEpoch}. */
    public static JFreeChart chart(String title, MetricsLog.Records records, boolean byEpoch) {
        LongToDoubleFunction x = byEpoch ? epochScale(records) : step -> step;
        XYSeries bleu = new XYSeries("dev BLEU", false);
        for (ValidationReport r : records.validations()) {
            bleu.add(x.applyAsDouble(r.step()), r.bleu());
        }
        XYSeries loss = new XYSeries("train loss (right axis)", false);
        for (TrainReport r : records.train()) {
            loss.add(x.applyAsDouble(r.step()), r.loss());
        }

        Font labelFont = Drawing.font(Font.PLAIN, 13);
        Font tickFont = Drawing.font(Font.PLAIN, 12);
        NumberAxis xAxis = axis(byEpoch ? "epoch" : "step", labelFont, tickFont);
        NumberAxis bleuAxis = axis("dev BLEU", labelFont, tickFont);
        NumberAxis lossAxis = axis("train loss (nats per token)", labelFont, tickFont);

        XYPlot plot = new XYPlot(
                new XYSeriesCollection(bleu),
                xAxis,
                bleuAxis,
                renderer(
                        BLEU_COLOUR,
                        new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
                        bleu.getItemCount()));
        plot.setRangeAxis(LOSS, lossAxis);
        plot.setDataset(LOSS, new XYSeriesCollection(loss));
        plot.mapDatasetToRangeAxis(LOSS, LOSS);
        plot.setRenderer(
                LOSS,
                renderer(
                        LOSS_COLOUR,
                        new BasicStroke(
                                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f),
                        loss.getItemCount()));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe6e6e6));
        plot.setRangeGridlinePaint(new Color(0xe6e6e6));

        JFreeChart chart = new JFreeChart(title, Drawing.font(Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(labelFont);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    /** Draws the chart into a PNG file of {@code width} x {@code height} pixels. */
    public static void writePng(Path file, JFreeChart chart, int width, int height) {
        PngFiles.write(file, chart.createBufferedImage(width, height));
    }

    private static NumberAxis axis(String label, Font labelFont, Font tickFont) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(labelFont);
        axis.setTickLabelFont(tickFont);
        return axis;
    }

    /** Lines (broken where a value is NaN), with markers when there are few points. */
    private static XYLineAndShapeRenderer renderer(Color colour, BasicStroke stroke, int points) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, points <= MARKERS_UP_TO);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, stroke);
        return renderer;
    }

    /** Step to fractional epoch (0 at the start of epoch 1). */
    private static LongToDoubleFunction epochScale(MetricsLog.Records records) {
        TreeMap<Integer, Long> starts = new TreeMap<>(); // epoch -> the first step recorded in it
        starts.put(1, 0L);
        long lastStep = 1;
        for (TrainReport r : records.train()) {
            starts.merge(r.epoch(), r.step(), Math::min);
            lastStep = Math.max(lastStep, r.step());
        }
        for (ValidationReport r : records.validations()) {
            starts.merge(r.epoch(), r.step(), Math::min);
            lastStep = Math.max(lastStep, r.step());
        }
        long[] begin = starts.values().stream().mapToLong(Long::longValue).toArray();
        int[] epoch = starts.keySet().stream().mapToInt(Integer::intValue).toArray();
        int last = begin.length - 1;
        double lastLength =
                last > 0 ? (double) (begin[last] - begin[last - 1]) / (epoch[last] - epoch[last - 1]) : lastStep;
        return step -> {
            int i = last;
            while (i > 0 && begin[i] > step) {
                i--;
            }
            double length = i < last ? (double) (begin[i + 1] - begin[i]) / (epoch[i + 1] - epoch[i]) : lastLength;
            return epoch[i] - 1 + (step - begin[i]) / Math.max(1.0, length);
        };
    }
}
