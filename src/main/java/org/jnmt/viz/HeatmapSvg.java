package org.jnmt.viz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.util.NmtException;

/**
 * Writes an attention heatmap (see {@link HeatmapLayout}) as a standalone SVG document, by hand;
 * the geometry is the PNG's.
 */
public final class HeatmapSvg {

    private HeatmapSvg() {}

    public static void write(Path file, AttentionMatrix matrix, HeatmapOptions options) {
        try {
            Files.writeString(file, render(matrix, options), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NmtException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A complete SVG document. */
    public static String render(AttentionMatrix matrix, HeatmapOptions options) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(matrix, options, "heatmap");
    }

    /**
     * The {@code <svg>} element alone, to inline in HTML; {@code idPrefix} keeps the gradient's id
     * unique among several heatmaps on one page.
     */
    static String element(AttentionMatrix matrix, HeatmapOptions options, String idPrefix) {
        HeatmapLayout layout = new HeatmapLayout(matrix, options);
        StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"%s\">\n",
                layout.width,
                layout.height,
                layout.width,
                layout.height,
                Drawing.SVG_FONT_FAMILY));
        svg.append(String.format(
                Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", layout.width, layout.height));
        if (layout.title != null) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"%s\" font-weight=\"bold\">%s</text>\n",
                    HeatmapLayout.MARGIN,
                    layout.titleBaseline,
                    size(layout.titleFont.getSize2D()),
                    Markup.escape(layout.title)));
        }
        appendCells(svg, layout);
        appendMarks(svg, layout);
        appendLabels(svg, layout);
        appendColourBar(svg, layout, idPrefix + "-bar");
        appendLegend(svg, layout);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void appendCells(StringBuilder svg, HeatmapLayout layout) {
        double valueOffset = HeatmapLayout.centringOffset(layout.valueFont);
        svg.append("<g>\n");
        for (int t = 0; t < layout.targetLabels.size(); t++) {
            for (int s = 0; s < layout.sourceLabels.size(); s++) {
                float w = layout.weights[t][s];
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s → %s: %s</title></rect>\n",
                        layout.cellX(s),
                        layout.cellY(t),
                        layout.cell,
                        layout.cell,
                        ColorScale.hex(ColorScale.color(w)),
                        Markup.escape(layout.targetLabels.get(t)),
                        Markup.escape(layout.sourceLabels.get(s)),
                        HeatmapLayout.valueLabel(w)));
            }
        }
        svg.append("</g>\n");
        if (layout.showValues) {
            svg.append(String.format(
                    Locale.ROOT, "<g font-size=\"%s\" text-anchor=\"middle\">\n", size(layout.valueFont.getSize2D())));
            for (int t = 0; t < layout.targetLabels.size(); t++) {
                for (int s = 0; s < layout.sourceLabels.size(); s++) {
                    float w = layout.weights[t][s];
                    svg.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>\n",
                            layout.cellX(s) + layout.cell / 2.0,
                            layout.cellY(t) + layout.cell / 2.0 + valueOffset,
                            ColorScale.hex(ColorScale.textOn(w)),
                            HeatmapLayout.valueLabel(w)));
                }
            }
            svg.append("</g>\n");
        }
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#808080\"/>\n",
                layout.gridLeft,
                layout.gridTop,
                layout.gridWidth,
                layout.gridHeight));
    }

    /** Outlines the marked cells, each inside its own cell so that neighbours stay apart. */
    private static void appendMarks(StringBuilder svg, HeatmapLayout layout) {
        if (layout.marked == null) {
            return;
        }
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"marks\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\">\n",
                ColorScale.hex(HeatmapMarks.COLOR),
                HeatmapMarks.STROKE));
        for (int t = 0; t < layout.targetLabels.size(); t++) {
            for (int s = 0; s < layout.sourceLabels.size(); s++) {
                if (layout.isMarked(t, s)) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                            layout.cellX(s) + HeatmapMarks.STROKE / 2,
                            layout.cellY(t) + HeatmapMarks.STROKE / 2,
                            layout.cell - HeatmapMarks.STROKE,
                            layout.cell - HeatmapMarks.STROKE));
                }
            }
        }
        svg.append("</g>\n");
    }

    private static void appendLegend(StringBuilder svg, HeatmapLayout layout) {
        if (layout.legend == null) {
            return;
        }
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"legend\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                        + "stroke=\"%s\" stroke-width=\"%d\"/><text x=\"%d\" y=\"%d\" font-size=\"%s\">%s</text></g>\n",
                HeatmapLayout.MARGIN,
                layout.legendSwatchY(),
                HeatmapLayout.LEGEND_SWATCH,
                HeatmapLayout.LEGEND_SWATCH,
                ColorScale.hex(HeatmapMarks.COLOR),
                HeatmapMarks.STROKE,
                HeatmapLayout.MARGIN + HeatmapLayout.LEGEND_SWATCH + HeatmapLayout.LABEL_GAP,
                layout.legendBaseline,
                size(layout.labelFont.getSize2D()),
                Markup.escape(layout.legend)));
    }

    private static void appendLabels(StringBuilder svg, HeatmapLayout layout) {
        double offset = HeatmapLayout.centringOffset(layout.labelFont);
        svg.append(String.format(
                Locale.ROOT, "<g font-size=\"%s\" text-anchor=\"end\">\n", size(layout.labelFont.getSize2D())));
        for (int t = 0; t < layout.targetLabels.size(); t++) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\">%s</text>\n",
                    layout.gridLeft - HeatmapLayout.LABEL_GAP,
                    layout.cellY(t) + layout.cell / 2.0 + offset,
                    Markup.escape(layout.targetLabels.get(t))));
        }
        svg.append("</g>\n");
        // Rotated by -90° with the default text-anchor "start", a label runs upwards from just above the grid.
        svg.append(String.format(Locale.ROOT, "<g font-size=\"%s\">\n", size(layout.labelFont.getSize2D())));
        for (int s = 0; s < layout.sourceLabels.size(); s++) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text transform=\"translate(%.1f %d) rotate(-90)\">%s</text>\n",
                    layout.cellX(s) + layout.cell / 2.0 + offset,
                    layout.gridTop - HeatmapLayout.LABEL_GAP,
                    Markup.escape(layout.sourceLabels.get(s))));
        }
        svg.append("</g>\n");
    }

    private static void appendColourBar(StringBuilder svg, HeatmapLayout layout, String gradientId) {
        svg.append("<defs><linearGradient id=\"").append(gradientId).append("\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        int stops = 8;
        for (int i = 0; i <= stops; i++) {
            double w = (double) i / stops;
            svg.append(String.format(
                    Locale.ROOT, "<stop offset=\"%.3f\" stop-color=\"%s\"/>", w, ColorScale.hex(ColorScale.color(w))));
        }
        svg.append("</linearGradient></defs>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"url(#%s)\" stroke=\"#808080\"/>\n",
                layout.barLeft,
                layout.gridTop,
                HeatmapLayout.BAR_WIDTH,
                layout.barHeight,
                gradientId));
        double offset = HeatmapLayout.centringOffset(layout.tickFont);
        int tickStart = layout.barLeft + HeatmapLayout.BAR_WIDTH;
        svg.append(String.format(
                Locale.ROOT, "<g font-size=\"%s\" stroke-width=\"1\">\n", size(layout.tickFont.getSize2D())));
        for (double w : HeatmapLayout.BAR_TICKS) {
            double y = layout.barY(w);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000000\"/>"
                            + "<text x=\"%d\" y=\"%.1f\">%s</text>\n",
                    tickStart,
                    y,
                    tickStart + HeatmapLayout.TICK_LENGTH,
                    y,
                    tickStart + HeatmapLayout.TICK_LENGTH + 3,
                    y + offset,
                    HeatmapLayout.tickLabel(w)));
        }
        svg.append("</g>\n");
    }

    private static String size(float points) {
        return String.format(Locale.ROOT, "%.0f", points);
    }
}
