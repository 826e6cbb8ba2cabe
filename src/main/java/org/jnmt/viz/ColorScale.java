package org.jnmt.viz;

import java.awt.Color;

/**
 * Maps an attention weight in [0, 1] to a colour, from near-white (0) to dark blue (1), by linear
 * interpolation between the nine stops of ColorBrewer's sequential "Blues" scheme, which stays
 * readable in greyscale.
 */
final class ColorScale {

    private static final int[] STOPS = {
        0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b
    };

    private ColorScale() {}

    static Color color(double weight) {
        double clamped = Double.isNaN(weight) ? 0 : Math.max(0, Math.min(1, weight));
        double position = clamped * (STOPS.length - 1);
        int low = Math.min((int) position, STOPS.length - 2);
        double fraction = position - low;
        return new Color(
                mix(STOPS[low] >> 16, STOPS[low + 1] >> 16, fraction),
                mix(STOPS[low] >> 8, STOPS[low + 1] >> 8, fraction),
                mix(STOPS[low], STOPS[low + 1], fraction));
    }

    /** White text on the dark half of the scale, black on the light half. */
    static Color textOn(double weight) {
        return weight > 0.55 ? Color.WHITE : Color.BLACK;
    }

    static String hex(Color color) {
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    private static int mix(int from, int to, double fraction) {
        return (int) Math.round((from & 0xff) + fraction * ((to & 0xff) - (from & 0xff)));
    }
}
