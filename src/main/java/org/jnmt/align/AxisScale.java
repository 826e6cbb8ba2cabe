package org.jnmt.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plot axis with "nice" round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) that
 * cover the data range, after Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990).
 */
record AxisScale(double low, double high, double step) {

    /** An axis covering [min, max] with about {@code ticks} ticks. */
    static AxisScale covering(double min, double max, int ticks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new AxisScale(0, 1, 0.2);
        }
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, ticks - 1));
        double low = Math.floor(min / step + 1e-9) * step;
        double high = Math.ceil(max / step - 1e-9) * step;
        return new AxisScale(low, high, step);
    }

    /** The round step nearest to {@code rough}. */
    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        int count = (int) Math.round((high - low) / step);
        for (int i = 0; i <= count; i++) {
            ticks.add(low + i * step);
        }
        return ticks;
    }

    /** Where value v falls between 0 (low) and 1 (high). */
    double fraction(double v) {
        return (v - low) / (high - low);
    }

    /** A tick label with as many decimals as the step needs: "0", "2.5", "0.02", "12000". */
    String label(double value) {
        int decimals = 0;
        while (decimals < 10 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
}
