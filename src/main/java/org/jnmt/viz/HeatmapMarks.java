package org.jnmt.viz;

import java.awt.Color;
import java.util.Collection;
import java.util.Set;
import org.jnmt.align.Link;

/**
 * Cells of a heatmap to outline, and the legend line under the plot that says what the outlines
 * mean; for example the word links that a symmetrised alignment keeps.
 *
 * @param cells  [targetTokens][sourceTokens]: true where the cell is outlined
 * @param legend what the outlines mean, one line of text
 */
public record HeatmapMarks(boolean[][] cells, String legend) {

    /** The outline colour: orange, far from every colour of the blue weight scale. */
    static final Color COLOR = new Color(0xe6550d);

    /** Outline width in pixels. */
    static final int STROKE = 2;

    /**
     * Outlines the token cells of word links: cell (t, s) when target token t belongs to the
     * target word of a link and source token s to its source word. Tokens of word -1 ({@code </s>})
     * are never outlined.
     *
     * @param links        word links, source-target
     * @param sourceWordOf for each source token (a column), its word index or -1
     * @param targetWordOf for each target token (a row), its word index or -1
     */
    public static HeatmapMarks ofWordLinks(
            Collection<Link> links, int[] sourceWordOf, int[] targetWordOf, String legend) {
        Set<Link> kept = Set.copyOf(links);
        boolean[][] cells = new boolean[targetWordOf.length][sourceWordOf.length];
        for (int t = 0; t < targetWordOf.length; t++) {
            for (int s = 0; s < sourceWordOf.length; s++) {
                cells[t][s] = targetWordOf[t] >= 0
                        && sourceWordOf[s] >= 0
                        && kept.contains(new Link(sourceWordOf[s], targetWordOf[t]));
            }
        }
        return new HeatmapMarks(cells, legend);
    }
}
