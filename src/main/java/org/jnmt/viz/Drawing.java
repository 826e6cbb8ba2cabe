package org.jnmt.viz;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;

/**
 * What the PNG and SVG renderers share: headless Java2D, the fonts, and text measurement. The
 * logical font "Dialog" falls back through the platform's fonts (DejaVu Sans on Linux), so
 * accented Latin, Greek and Cyrillic labels render.
 */
final class Drawing {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The font family named in SVG output, in the order a browser should try. */
    static final String SVG_FONT_FAMILY = "'DejaVu Sans', Dialog, 'Helvetica Neue', Arial, sans-serif";

    private static final FontRenderContext MEASURE = new FontRenderContext(new AffineTransform(), true, true);

    private Drawing() {}

    static Font font(int style, float size) {
        return new Font(Font.DIALOG, style, 1).deriveFont(size);
    }

    static double width(String text, Font font) {
        return font.getStringBounds(text, MEASURE).getWidth();
    }

    static LineMetrics metrics(Font font) {
        return font.getLineMetrics("Ág", MEASURE);
    }

    /**
     * A token as a reader should see it: without the pre-tokeniser's join marks (U+FFED, which
     * says that the token was glued to its neighbour, and which most fonts cannot draw).
     */
    static String tokenLabel(String token) {
        String label = token.replace("\uFFED", "");
        return label.isEmpty() ? token : label;
    }

    /** Shortens a label to at most {@code maxChars} characters, ending it with "…" when cut. */
    static String shorten(String label, int maxChars) {
        if (label.codePointCount(0, label.length()) <= maxChars) {
            return label;
        }
        int end = label.offsetByCodePoints(0, maxChars - 1);
        return label.substring(0, end) + "…";
    }
}
