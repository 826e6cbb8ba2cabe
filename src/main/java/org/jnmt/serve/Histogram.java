package org.jnmt.serve;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/** A Prometheus histogram: cumulative bucket counts, a sum and a count; thread-safe. */
final class Histogram {

    private final double[] bounds;
    private final AtomicLongArray counts;
    private final DoubleAdder sum = new DoubleAdder();

    Histogram(double... bounds) {
        this.bounds = bounds.clone();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    void observe(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        counts.incrementAndGet(i);
        sum.add(value);
    }

    /** The sample lines of this histogram, {@code labels} (may be empty) added to each. */
    void write(StringBuilder out, String name, String labels) {
        long cumulative = 0;
        String prefix = labels.isEmpty() ? "" : labels + ",";
        for (int i = 0; i < bounds.length; i++) {
            cumulative += counts.get(i);
            out.append(String.format(
                    Locale.ROOT, "%s_bucket{%sle=\"%s\"} %d%n", name, prefix, Metrics.number(bounds[i]), cumulative));
        }
        cumulative += counts.get(bounds.length);
        out.append(String.format(Locale.ROOT, "%s_bucket{%sle=\"+Inf\"} %d%n", name, prefix, cumulative));
        String braces = labels.isEmpty() ? "" : "{" + labels + "}";
        out.append(String.format(Locale.ROOT, "%s_sum%s %s%n", name, braces, Metrics.number(sum.sum())));
        out.append(String.format(Locale.ROOT, "%s_count%s %d%n", name, braces, cumulative));
    }
}
