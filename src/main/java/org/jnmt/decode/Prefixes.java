package org.jnmt.decode;

/** Prefix-constrained decoding: the first tokens of an output given by the user rather than chosen. */
final class Prefixes {

    private Prefixes() {
    }

    /** True when sentence b's output is forced at step {@code step} (0-based). */
    static boolean isForced(int[][] prefixes, int b, int step) {
        return prefixes != null && prefixes[b] != null && step < prefixes[b].length;
    }

    /** The token sentence b takes at {@code step}: its prefix's, or {@code chosen} past the prefix. */
    static int forced(int[][] prefixes, int b, int step, int chosen) {
        return isForced(prefixes, b, step) ? prefixes[b][step] : chosen;
    }
}
