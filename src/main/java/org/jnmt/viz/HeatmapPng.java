package org.jnmt.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jnmt.align.AttentionMatrix;

/** Draws an attention heatmap (see {@link HeatmapLayout}) with Java2D and writes it as PNG. */
public final class HeatmapPng {

    private HeatmapPng() {}

    public static void write(Path file, AttentionMatrix matrix, HeatmapOptions options) {
        PngFiles.write(file, render(matrix, options));
    }

    public static BufferedImage render(AttentionMatrix matrix, HeatmapOptions options) {
        HeatmapLayout layout = new HeatmapLayout(matrix, options);
        BufferedImage image = new BufferedImage(layout.width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width, layout.height);
            drawTitle(g, layout);
            drawCells(g, layout);
            drawMarks(g, layout);
            drawLabels(g, layout);
            drawColourBar(g, layout);
            drawLegend(g, layout);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawTitle(Graphics2D g, HeatmapLayout layout) {
        if (layout.title != null) {
            g.setColor(Color.BLACK);
            g.setFont(layout.titleFont);
            g.drawString(layout.title, HeatmapLayout.MARGIN, layout.titleBaseline);
        }
    }

    private static void drawCells(Graphics2D g, HeatmapLayout layout) {
        double valueOffset = HeatmapLayout.centringOffset(layout.valueFont);
        g.setFont(layout.valueFont);
        for (int t = 0; t < layout.targetLabels.size(); t++) {
            for (int s = 0; s < layout.sourceLabels.size(); s++) {
                float w = layout.weights[t][s];
                g.setColor(ColorScale.color(w));
                g.fillRect(layout.cellX(s), layout.cellY(t), layout.cell, layout.cell);
                if (layout.showValues) {
                    String value = HeatmapLayout.valueLabel(w);
                    g.setColor(ColorScale.textOn(w));
                    float x = (float) (layout.cellX(s) + (layout.cell - Drawing.width(value, layout.valueFont)) / 2);
                    g.drawString(value, x, (float) (layout.cellY(t) + layout.cell / 2.0 + valueOffset));
                }
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(layout.gridLeft, layout.gridTop, layout.gridWidth, layout.gridHeight);
    }

    /** Outlines the marked cells, each inside its own cell so that neighbours stay apart. */
    private static void drawMarks(Graphics2D g, HeatmapLayout layout) {
        if (layout.marked == null) {
            return;
        }
        g.setColor(HeatmapMarks.COLOR);
        g.setStroke(new BasicStroke(HeatmapMarks.STROKE));
        int inset = HeatmapMarks.STROKE / 2;
        for (int t = 0; t < layout.targetLabels.size(); t++) {
            for (int s = 0; s < layout.sourceLabels.size(); s++) {
                if (layout.isMarked(t, s)) {
                    g.drawRect(
                            layout.cellX(s) + inset,
                            layout.cellY(t) + inset,
                            layout.cell - HeatmapMarks.STROKE,
                            layout.cell - HeatmapMarks.STROKE);
                }
            }
        }
        g.setStroke(new BasicStroke(1));
    }

    private static void drawLegend(Graphics2D g, HeatmapLayout layout) {
        if (layout.legend == null) {
            return;
        }
        g.setColor(HeatmapMarks.COLOR);
        g.setStroke(new BasicStroke(HeatmapMarks.STROKE));
        g.drawRect(
                HeatmapLayout.MARGIN, layout.legendSwatchY(), HeatmapLayout.LEGEND_SWATCH, HeatmapLayout.LEGEND_SWATCH);
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.setFont(layout.labelFont);
        g.drawString(
                layout.legend,
                HeatmapLayout.MARGIN + HeatmapLayout.LEGEND_SWATCH + HeatmapLayout.LABEL_GAP,
                layout.legendBaseline);
    }

    private static void drawLabels(Graphics2D g, HeatmapLayout layout) {
        double offset = HeatmapLayout.centringOffset(layout.labelFont);
        g.setFont(layout.labelFont);
        g.setColor(Color.BLACK);
        for (int t = 0; t < layout.targetLabels.size(); t++) {
            String label = layout.targetLabels.get(t);
            float x = (float) (layout.gridLeft - HeatmapLayout.LABEL_GAP - Drawing.width(label, layout.labelFont));
            g.drawString(label, x, (float) (layout.cellY(t) + layout.cell / 2.0 + offset));
        }
        for (int s = 0; s < layout.sourceLabels.size(); s++) {
            AffineTransform saved = g.getTransform();
            g.translate(layout.cellX(s) + layout.cell / 2.0 + offset, layout.gridTop - HeatmapLayout.LABEL_GAP);
            g.rotate(-Math.PI / 2);
            g.drawString(layout.sourceLabels.get(s), 0f, 0f);
            g.setTransform(saved);
        }
    }

    private static void drawColourBar(Graphics2D g, HeatmapLayout layout) {
        for (int y = 0; y < layout.barHeight; y++) {
            g.setColor(ColorScale.color(1 - (y + 0.5) / layout.barHeight));
            g.fillRect(layout.barLeft, layout.gridTop + y, HeatmapLayout.BAR_WIDTH, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(layout.barLeft, layout.gridTop, HeatmapLayout.BAR_WIDTH, layout.barHeight);
        g.setFont(layout.tickFont);
        g.setColor(Color.BLACK);
        double offset = HeatmapLayout.centringOffset(layout.tickFont);
        int tickStart = layout.barLeft + HeatmapLayout.BAR_WIDTH;
        for (double w : HeatmapLayout.BAR_TICKS) {
            int y = (int) Math.round(layout.barY(w));
            g.drawLine(tickStart, y, tickStart + HeatmapLayout.TICK_LENGTH, y);
            g.drawString(HeatmapLayout.tickLabel(w), tickStart + HeatmapLayout.TICK_LENGTH + 3, (float) (y + offset));
        }
    }
}
