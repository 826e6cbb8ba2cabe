package org.jnmt.decode;

/** Prefix-constrained decoding: the first tokens of an output given by the user rather than chosen. */
final class Prefixes {

    private Prefixes() {}

    /** Sentence b's prefix (target ids without EOS), or null when it has none. */
    static int[] of(int[][] prefixes, int b) {
        return prefixes == null ? null : prefixes[b];
    }

    /** True when an output with this prefix (may be null) is forced at {@code step} (0-based). */
    static boolean isForced(int[] prefix, int step) {
        return prefix != null && step < prefix.length;
    }
}
