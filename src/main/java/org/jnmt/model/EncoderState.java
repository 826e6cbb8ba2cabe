package org.jnmt.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the decoder reads of an encoded batch: per sentence row, the annotations h_j, the attention
 * keys U_a h_j (computed once), the real source length (the attention's mask: positions
 * j >= srcLength get zero weight) and the decoder's initial state s_0. {@link #select} makes the
 * rows of a beam (each hypothesis pointing to its sentence). Padded annotations are zero.
 */
public final class EncoderState {

    private final INDArray annotations; // [B, S, 2H]
    private final INDArray keys; // [B, S, A]
    private final INDArray initialState; // [B, D]
    private final int[] srcLengths; // [B]

    EncoderState(INDArray annotations, INDArray keys, INDArray initialState, int[] srcLengths) {
        this.annotations = annotations;
        this.keys = keys;
        this.initialState = initialState;
        this.srcLengths = srcLengths;
    }

    /** B: the number of rows (sentences or hypotheses). */
    public int size() {
        return srcLengths.length;
    }

    /** S: the source positions of every row (the longest real source length of the encoded batch). */
    public int maxSrcLength() {
        return Math.toIntExact(annotations.size(1));
    }

    /** The real source length of each row: [B] (a copy). */
    public int[] srcLengths() {
        return srcLengths.clone();
    }

    /** The real source lengths, not copied, for the attention. */
    int[] lengths() {
        return srcLengths;
    }

    /** The annotations h_j = [h_fwd_j; h_bwd_j]: [B, S, 2H], zero at padded positions. */
    public INDArray annotations() {
        return annotations;
    }

    /** The attention keys U_a h_j: [B, S, A]. */
    public INDArray keys() {
        return keys;
    }

    /** The decoder's initial state s_0 = tanh(W_init [h_fwd_last; h_bwd_first] + b_init): [B, D]. */
    public INDArray initialState() {
        return initialState;
    }

    /**
     * A new state whose row i is row {@code rows[i]} of this one (rows may repeat): for beam search,
     * N = B * K hypotheses each pointing to their sentence.
     */
    public EncoderState select(int[] rows) {
        int[] lengths = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= size()) {
                throw new IllegalArgumentException("row " + rows[i] + " is outside an encoder state of " + size());
            }
            lengths[i] = srcLengths[rows[i]];
        }
        return new EncoderState(
                RowOps.selectRows(annotations, rows),
                RowOps.selectRows(keys, rows),
                RowOps.selectRows(initialState, rows),
                lengths);
    }
}
