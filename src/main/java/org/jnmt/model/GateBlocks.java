package org.jnmt.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The four [n, H] blocks of a GRU step, each contiguous (ND4J's element-wise ops are tens of times
 * slower on strided views): the gates r, z, n and the reset-gated hidden projection
 * {@code hn = W_hn h + b_hn}. The same record carries their gradients in the backward pass.
 * Packed over a batch they live in a [3, N, H] gate buffer (planes r, z, n) and an [N, H] buffer.
 */
record GateBlocks(INDArray r, INDArray z, INDArray n, INDArray hn) {

    /**
     * Rows {@code [from, from + count)} of each block.
     *
     * @param gates  [3, N, H] planes r, z, n
     * @param hidden [N, H] the hn block
     */
    static GateBlocks rows(INDArray gates, INDArray hidden, long from, long count) {
        return new GateBlocks(
                Views.planeRows(gates, 0, from, count),
                Views.planeRows(gates, 1, from, count),
                Views.planeRows(gates, 2, from, count),
                Views.rows(hidden, from, count));
    }

    /** The gate block r, z or n by index 0, 1, 2 (the order of the fused weights). */
    INDArray gate(int g) {
        return switch (g) {
            case 0 -> r;
            case 1 -> z;
            case 2 -> n;
            default -> throw new IllegalArgumentException("gate " + g);
        };
    }
}
