package org.jnmt.model;

import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the decoder hands the output layer for N target positions: the features
 * {@code f_i = [s_i; c_i; E y_{i-1}]}, in three pieces that are never concatenated (the output layer multiplies each by its own rows of its weights). The same
 * record carries the gradients of the pieces in the backward pass.
 *
 * @param states   [N, D] the decoder states s_i
 * @param contexts [N, 2H] the attention contexts c_i
 * @param inputs   [N, E] the embedded previous tokens E y_{i-1}
 */
record Features(INDArray states, INDArray contexts, INDArray inputs) {

    /** The number of pieces; {@link #piece} numbers them in the order of the output layer's weight rows. */
    static final int PIECES = 3;

    /** Features from a function of the piece number. */
    static Features of(IntFunction<INDArray> piece) {
        return new Features(piece.apply(0), piece.apply(1), piece.apply(2));
    }

    /** The piece s_i, c_i or E y_{i-1} by number 0, 1, 2. */
    INDArray piece(int p) {
        return switch (p) {
            case 0 -> states;
            case 1 -> contexts;
            case 2 -> inputs;
            default -> throw new IllegalArgumentException("feature piece " + p);
        };
    }

    /** N, the number of positions. */
    long rows() {
        return states.size(0);
    }
}
