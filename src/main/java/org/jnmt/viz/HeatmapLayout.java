package org.jnmt.viz;

import java.awt.Font;
import java.awt.font.LineMetrics;
import java.util.List;
import java.util.Locale;
import org.jnmt.align.AttentionMatrix;

/**
 * The geometry of one attention heatmap, in pixels, shared by the PNG and SVG renderers: source
 * tokens label the columns along the top (text rotated to read bottom to top), target tokens
 * label the rows on the left, and a colour bar stands to the right; with {@link HeatmapMarks}, a
 * legend line runs under the plot. The image grows with the number of tokens and the length of the
 * longest labels.
 */
final class HeatmapLayout {

    static final int MARGIN = 14;
    static final int LABEL_GAP = 6;
    static final int BAR_GAP = 20;
    static final int BAR_WIDTH = 14;
    static final int TICK_LENGTH = 4;
    static final int MIN_BAR_HEIGHT = 120;
    static final int LEGEND_GAP = 10;
    /** The side of the outlined square that starts the legend line. */
    static final int LEGEND_SWATCH = 12;
    /** Labels longer than this are cut and end in "…". */
    static final int MAX_LABEL_CHARS = 32;

    static final double[] BAR_TICKS = {0, 0.25, 0.5, 0.75, 1};

    final Font labelFont = Drawing.font(Font.PLAIN, 13);
    final Font valueFont = Drawing.font(Font.PLAIN, 10);
    final Font tickFont = Drawing.font(Font.PLAIN, 11);
    final Font titleFont = Drawing.font(Font.BOLD, 15);

    final List<String> sourceLabels;
    final List<String> targetLabels;
    final float[][] weights;
    final String title;
    final boolean showValues;
    /** [targetTokens][sourceTokens] cells to outline, or null. */
    final boolean[][] marked;
    /** The line under the plot that explains the outlines, or null. */
    final String legend;

    final int cell;
    final int gridLeft;
    final int gridTop;
    final int gridWidth;
    final int gridHeight;
    final int barLeft;
    final int barHeight;
    final int titleBaseline;
    final int legendTop;
    final int legendBaseline;
    final int width;
    final int height;

    HeatmapLayout(AttentionMatrix matrix, HeatmapOptions options) {
        sourceLabels = matrix.sourceTokens().stream().map(HeatmapLayout::label).toList();
        targetLabels = matrix.targetTokens().stream().map(HeatmapLayout::label).toList();
        weights = matrix.weights();
        title = options.title();
        showValues = options.showValues();
        HeatmapMarks marks = options.marks();
        marked = marks == null ? null : marks.cells();
        legend = marks == null ? null : marks.legend();
        if (marked != null
                && (marked.length != targetLabels.size()
                        || (marked.length > 0 && marked[0].length != sourceLabels.size()))) {
            throw new IllegalArgumentException("the marks are not the shape of the attention matrix");
        }

        cell = showValues ? (int) Math.ceil(Math.max(34, Drawing.width("0.00", valueFont) + 10)) : 24;
        int titleHeight = title == null ? 0 : (int) Math.ceil(lineHeight(titleFont)) + 10;
        titleBaseline = MARGIN + (int) Math.ceil(Drawing.metrics(titleFont).getAscent());
        gridLeft = MARGIN + (int) Math.ceil(widest(targetLabels, labelFont)) + LABEL_GAP;
        gridTop = MARGIN + titleHeight + (int) Math.ceil(widest(sourceLabels, labelFont)) + LABEL_GAP;
        gridWidth = cell * sourceLabels.size();
        gridHeight = cell * targetLabels.size();
        barLeft = gridLeft + gridWidth + BAR_GAP;
        barHeight = Math.max(gridHeight, MIN_BAR_HEIGHT);
        double tickLabels = widest(List.of("0.25", "0.75"), tickFont);
        int plotWidth = barLeft + BAR_WIDTH + TICK_LENGTH + 3 + (int) Math.ceil(tickLabels) + MARGIN;
        int titleWidth = title == null ? 0 : 2 * MARGIN + (int) Math.ceil(Drawing.width(title, titleFont));
        int legendWidth = legend == null
                ? 0
                : 2 * MARGIN + LEGEND_SWATCH + LABEL_GAP + (int) Math.ceil(Drawing.width(legend, labelFont));
        width = Math.max(plotWidth, Math.max(titleWidth, legendWidth));
        legendTop = gridTop + barHeight + LEGEND_GAP;
        legendBaseline = legendTop + (int) Math.ceil(Drawing.metrics(labelFont).getAscent());
        int legendHeight = legend == null ? 0 : LEGEND_GAP + (int) Math.ceil(lineHeight(labelFont));
        height = gridTop + barHeight + legendHeight + MARGIN;
    }

    int cellX(int source) {
        return gridLeft + source * cell;
    }

    int cellY(int target) {
        return gridTop + target * cell;
    }

    boolean isMarked(int target, int source) {
        return marked != null && marked[target][source];
    }

    /** The y of the legend's swatch, centred on the legend line. */
    int legendSwatchY() {
        return legendTop + (int) Math.round((lineHeight(labelFont) - LEGEND_SWATCH) / 2);
    }

    /** Add to a line's centre to get the baseline that centres text of this font on it. */
    static double centringOffset(Font font) {
        LineMetrics metrics = Drawing.metrics(font);
        return (metrics.getAscent() - metrics.getDescent()) / 2;
    }

    /** The y of a colour-bar tick for weight w (1 at the top of the bar). */
    double barY(double w) {
        return gridTop + (1 - w) * barHeight;
    }

    private static String label(String token) {
        return Drawing.shorten(Drawing.tokenLabel(token), MAX_LABEL_CHARS);
    }

    static String tickLabel(double w) {
        return w == 0 ? "0" : w == 1 ? "1" : String.valueOf(w);
    }

    static String valueLabel(float w) {
        return String.format(Locale.ROOT, "%.2f", w);
    }

    private static double lineHeight(Font font) {
        LineMetrics metrics = Drawing.metrics(font);
        return metrics.getAscent() + metrics.getDescent();
    }

    private static double widest(List<String> labels, Font font) {
        double widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, Drawing.width(label, font));
        }
        return widest;
    }
}
