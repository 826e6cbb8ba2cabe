package org.jnmt.align;

import java.util.Locale;

/**
 * Marian's soft alignment line: one group per target word, the groups separated by spaces, each a
 * comma-separated row of that word's weights over the source words ("0.9,0.1 0.2,0.8").
 */
public final class SoftAlignmentFormat {

    private SoftAlignmentFormat() {}

    /**
     * Formats one sentence's soft alignment.
     *
     * @param rows [targetWords][sourceWords]
     */
    public static String format(double[][] rows) {
        StringBuilder line = new StringBuilder();
        for (int t = 0; t < rows.length; t++) {
            if (t > 0) {
                line.append(' ');
            }
            for (int s = 0; s < rows[t].length; s++) {
                if (s > 0) {
                    line.append(',');
                }
                line.append(weight(rows[t][s]));
            }
        }
        return line.toString();
    }

    /** Six decimals without trailing zeros: "0.25", "1", "0.000123". */
    static String weight(double value) {
        String fixed = String.format(Locale.ROOT, "%.6f", value);
        int end = fixed.length();
        while (fixed.charAt(end - 1) == '0') {
            end--;
        }
        if (fixed.charAt(end - 1) == '.') {
            end--;
        }
        String trimmed = fixed.substring(0, end);
        return trimmed.equals("-0") ? "0" : trimmed;
    }
}
