package org.jnmt.align;


import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A line chart of training curves as PNG: x is the step or epoch, each named series a line
 * (dev BLEU, train loss, ...). Series on the right axis (a second y scale, for values of another
 * magnitude) are drawn dashed. NaN values leave a gap in their line.
 *
 * @param title      the line above the chart
 * @param xLabel     the x axis caption ("step")
 * @param leftLabel  the left y axis caption
 * @param rightLabel the right y axis caption; the right axis is drawn only if a series uses it
 * @param series     at least one on the left axis
 */
public record LinePlot(String title, String xLabel, String leftLabel, String rightLabel, List<LinePlot.Series> series) {

    /** Which y axis a series is measured against. */
    public enum Axis { LEFT, RIGHT }

    /** One named line; {@code x} and {@code y} have the same length. */
    public record Series(String name, double[] x, double[] y, Axis axis) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + " has " + x.length + " x values and "
                        + y.length + " y values");
            }
        }
    }

    /** Matplotlib's "tab10" colours: distinct, and readable by most colour-blind readers. */
    private static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final int MARGIN = 16;
    private static final int TICK = 5;
    /** Series with at most this many points also mark each point. */
    private static final int MARKERS_UP_TO = 40;

    /** Null captions are drawn as empty. */
    public LinePlot {
        title = title == null ? "" : title;
        xLabel = xLabel == null ? "" : xLabel;
        leftLabel = leftLabel == null ? "" : leftLabel;
        rightLabel = rightLabel == null ? "" : rightLabel;
        series = List.copyOf(series);
        if (series.stream().noneMatch(s -> s.axis() == Axis.LEFT)) {
            throw new IllegalArgumentException("a plot needs at least one series on the left axis");
        }
    }

    public void writePng(Path file, int width, int height) {
        PngFiles.write(file, render(width, height));
    }

    public BufferedImage render(int width, int height) {
        Font titleFont = Drawing.font(Font.BOLD, 16);
        Font labelFont = Drawing.font(Font.PLAIN, 13);
        Font tickFont = Drawing.font(Font.PLAIN, 12);
        boolean hasRight = series.stream().anyMatch(s -> s.axis() == Axis.RIGHT);
        AxisScale xScale = scale(null, true);
        AxisScale leftScale = scale(Axis.LEFT, false);
        AxisScale rightScale = hasRight ? scale(Axis.RIGHT, false) : null;

        double labelHeight = height(labelFont);
        int top = MARGIN + (int) Math.ceil(height(titleFont)) + 8 + (int) Math.ceil(labelHeight) + 12;
        int left = MARGIN + (int) Math.ceil(labelHeight + 6 + widest(leftScale, tickFont)) + TICK + 4;
        int right = width - (hasRight ? MARGIN + (int) Math.ceil(labelHeight + 6 + widest(rightScale, tickFont)) + TICK + 4 : MARGIN + 10);
        int bottom = height - MARGIN - (int) Math.ceil(labelHeight + 6 + height(tickFont)) - TICK - 2;
        if (right - left < 50 || bottom - top < 50) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image is too small for this plot");
        }
        Frame frame = new Frame(left, top, right, bottom, xScale);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            g.drawString(title, (float) ((width - Drawing.width(title, titleFont)) / 2),
                    MARGIN + Drawing.metrics(titleFont).getAscent());
            drawLegend(g, labelFont, width, MARGIN + (int) Math.ceil(height(titleFont)) + 8);
            drawGridAndAxes(g, frame, leftScale, rightScale, tickFont, labelFont, width, height);
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                drawSeries(g, frame, s.axis() == Axis.RIGHT ? rightScale : leftScale, s, PALETTE[i % PALETTE.length]);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The plotting area in pixels and the x scale. */
    private record Frame(int left, int top, int right, int bottom, AxisScale xScale) {
        double x(double v) {
            return left + xScale.fraction(v) * (right - left);
        }

        double y(AxisScale scale, double v) {
            return bottom - scale.fraction(v) * (bottom - top);
        }
    }

    /** The x scale (axis ignored) or the scale of the series on one y axis, over their finite values. */
    private AxisScale scale(Axis axis, boolean horizontal) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (!horizontal && s.axis() != axis) {
                continue;
            }
            for (int i = 0; i < s.x().length; i++) {
                double v = horizontal ? s.x()[i] : s.y()[i];
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return AxisScale.covering(min, max, horizontal ? 8 : 6);
    }

    private void drawGridAndAxes(Graphics2D g, Frame f, AxisScale leftScale, AxisScale rightScale, Font tickFont,
                                 Font labelFont, int width, int height) {
        Color grid = new Color(0xe6e6e6);
        double tickOffset = HeatmapLayout.centringOffset(tickFont);
        g.setFont(tickFont);
        for (double v : leftScale.ticks()) {
            int y = (int) Math.round(f.y(leftScale, v));
            g.setColor(grid);
            g.drawLine(f.left(), y, f.right(), y);
            g.setColor(Color.BLACK);
            g.drawLine(f.left() - TICK, y, f.left(), y);
            String label = leftScale.label(v);
            g.drawString(label, (float) (f.left() - TICK - 3 - Drawing.width(label, tickFont)), (float) (y + tickOffset));
        }
        for (double v : f.xScale().ticks()) {
            int x = (int) Math.round(f.x(v));
            g.setColor(grid);
            g.drawLine(x, f.top(), x, f.bottom());
            g.setColor(Color.BLACK);
            g.drawLine(x, f.bottom(), x, f.bottom() + TICK);
            String label = f.xScale().label(v);
            g.drawString(label, (float) (x - Drawing.width(label, tickFont) / 2),
                    f.bottom() + TICK + 2 + Drawing.metrics(tickFont).getAscent());
        }
        if (rightScale != null) {
            for (double v : rightScale.ticks()) {
                int y = (int) Math.round(f.y(rightScale, v));
                g.drawLine(f.right(), y, f.right() + TICK, y);
                g.drawString(rightScale.label(v), f.right() + TICK + 3, (float) (y + tickOffset));
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top());

        g.setColor(Color.BLACK);
        g.setFont(labelFont);
        float ascent = Drawing.metrics(labelFont).getAscent();
        g.drawString(xLabel, (float) ((f.left() + f.right() - Drawing.width(xLabel, labelFont)) / 2), height - MARGIN - Drawing.metrics(labelFont).getDescent());
        drawVertical(g, leftLabel, labelFont, MARGIN + ascent, (f.top() + f.bottom()) / 2.0);
        if (rightScale != null) {
            drawVertical(g, rightLabel, labelFont, width - MARGIN - Drawing.metrics(labelFont).getDescent(), (f.top() + f.bottom()) / 2.0);
        }
    }

    /** Text rotated to read bottom to top, centred on y, with its baseline at x. */
    private static void drawVertical(Graphics2D g, String text, Font font, double x, double centreY) {
        AffineTransform saved = g.getTransform();
        g.translate(x, centreY + Drawing.width(text, font) / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(text, 0f, 0f);
        g.setTransform(saved);
    }

    private static void drawSeries(Graphics2D g, Frame f, AxisScale yScale, Series s, Color colour) {
        g.setColor(colour);
        g.setStroke(stroke(s.axis()));
        Path2D.Double line = new Path2D.Double();
        boolean penDown = false;
        int points = 0;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
                penDown = false;
                continue;
            }
            points++;
            double x = f.x(s.x()[i]);
            double y = f.y(yScale, s.y()[i]);
            if (penDown) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                penDown = true;
            }
        }
        g.draw(line);
        g.setStroke(new BasicStroke(1f));
        if (points <= MARKERS_UP_TO) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    g.fill(new Ellipse2D.Double(f.x(s.x()[i]) - 3, f.y(yScale, s.y()[i]) - 3, 6, 6));
                }
            }
        }
    }

    /** One row of legend entries, centred under the title. */
    private void drawLegend(Graphics2D g, Font font, int width, int top) {
        int swatch = 26;
        int gap = 18;
        double total = 0;
        for (Series s : series) {
            total += swatch + 6 + Drawing.width(legendName(s), font) + gap;
        }
        double x = Math.max(MARGIN, (width - total + gap) / 2);
        float baseline = top + Drawing.metrics(font).getAscent();
        double middle = baseline - HeatmapLayout.centringOffset(font);
        g.setFont(font);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.setStroke(stroke(s.axis()));
            g.draw(new Line2D.Double(x, middle, x + swatch, middle));
            g.setColor(Color.BLACK);
            String name = legendName(s);
            g.drawString(name, (float) (x + swatch + 6), baseline);
            x += swatch + 6 + Drawing.width(name, font) + gap;
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Solid for the left axis, dashed for the right. */
    private static BasicStroke stroke(Axis axis) {
        return axis == Axis.RIGHT
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{7f, 4f}, 0f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private String legendName(Series s) {
        return s.axis() == Axis.RIGHT && series.stream().anyMatch(o -> o.axis() == Axis.LEFT) ? s.name() + " (right axis)" : s.name();
    }

    private static double height(Font font) {
        return Drawing.metrics(font).getAscent() + Drawing.metrics(font).getDescent();
    }

    private static double widest(AxisScale scale, Font font) {
        double widest = 0;
        for (double v : scale.ticks()) {
            widest = Math.max(widest, Drawing.width(scale.label(v), font));
        }
        return widest;
    }
}
