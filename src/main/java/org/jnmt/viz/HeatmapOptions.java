package org.jnmt.viz;

import org.jnmt.align.AttentionMatrix;

/**
 * How a heatmap is drawn.
 *
 * @param title      a line above the plot, or null for none
 * @param showValues whether each cell shows its weight (readable only for small matrices)
 * @param marks      cells to outline, with their legend line under the plot, or null for none
 */
public record HeatmapOptions(String title, boolean showValues, HeatmapMarks marks) {

    /** Matrices up to this many tokens on both sides show their weights by default. */
    public static final int VALUES_UP_TO = 20;

    /** Without marks. */
    public HeatmapOptions(String title, boolean showValues) {
        this(title, showValues, null);
    }

    /** No title; weights in the cells when the matrix is at most {@value #VALUES_UP_TO} tokens each way. */
    public static HeatmapOptions defaults(AttentionMatrix matrix) {
        boolean small = matrix.sourceTokens().size() <= VALUES_UP_TO
                && matrix.targetTokens().size() <= VALUES_UP_TO;
        return new HeatmapOptions(null, small);
    }

    public HeatmapOptions withTitle(String newTitle) {
        return new HeatmapOptions(newTitle, showValues, marks);
    }

    public HeatmapOptions withMarks(HeatmapMarks newMarks) {
        return new HeatmapOptions(title, showValues, newMarks);
    }
}
