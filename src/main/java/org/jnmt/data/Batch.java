package org.jnmt.data;

/**
 * A batch of encoded sentence pairs, padded with {@link SpecialTokens#PAD} to the longest row.
 *
 * @param src        [B][S] source ids, each row ending with EOS, then PAD
 * @param srcLengths [B] real source lengths (EOS included), each at least 1
 * @param tgt        [B][T] target ids y_1..y_n, each row ending with EOS, then PAD (no BOS: the
 *                   decoder's input BOS, y_1, ..., y_{n-1} is built from it); null when translating
 * @param tgtLengths [B] real target lengths (EOS included); null when translating
 * @param indices    [B] the position of each pair in its corpus, so that results can be put back in order
 */
public record Batch(int[][] src, int[] srcLengths, int[][] tgt, int[] tgtLengths, long[] indices) {

    public int size() {
        return src.length;
    }

    public int maxSrcLength() {
        return src.length == 0 ? 0 : src[0].length;
    }

    public int maxTgtLength() {
        return tgt == null || tgt.length == 0 ? 0 : tgt[0].length;
    }

    /** The number of real (non-padding) target tokens, EOS included: what the loss is averaged over. */
    public int targetTokens() {
        int n = 0;
        if (tgtLengths != null) {
            for (int len : tgtLengths) {
                n += len;
            }
        }
        return n;
    }
}
