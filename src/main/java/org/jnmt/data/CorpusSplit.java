package org.jnmt.data;

import java.util.Arrays;
import java.util.Random;
import org.jnmt.util.NmtException;

/**
 * A seeded split of one corpus into train, dev and test, for corpora without an official split
 * (Tatoeba, which is sorted by length and so must not be cut into contiguous blocks). The pairs are
 * numbered 0..n-1 in file order (lines skipped as invalid are not numbered); a Fisher-Yates shuffle
 * driven by {@code java.util.Random(seed)} orders the numbers; the first {@code dev} numbers go to
 * dev, the next {@code test} to test, and the rest to train. Each part keeps file order. The same
 * (file, seed, sizes) give the same split in both translation directions.
 */
public final class CorpusSplit {

    public enum Part {
        TRAIN,
        DEV,
        TEST
    }

    private final Part[] parts;

    private CorpusSplit(Part[] parts) {
        this.parts = parts;
    }

    public static CorpusSplit draw(int pairs, int dev, int test, long seed) {
        if (dev < 0 || test < 0) {
            throw new NmtException("data.split: dev and test sizes must not be negative");
        }
        if ((long) dev + test >= pairs) {
            throw new NmtException("data.split asks for " + dev + " dev and " + test
                    + " test pairs, but the corpus has only " + pairs + " pairs");
        }
        int[] order = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = pairs - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Part[] parts = new Part[pairs];
        Arrays.fill(parts, Part.TRAIN);
        for (int k = 0; k < dev + test; k++) {
            parts[order[k]] = k < dev ? Part.DEV : Part.TEST;
        }
        return new CorpusSplit(parts);
    }

    /** The part of pair number i (0-based, in file order). */
    public Part part(long i) {
        return parts[(int) i];
    }

    public int size() {
        return parts.length;
    }
}
