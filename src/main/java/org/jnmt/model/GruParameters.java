package org.jnmt.model;

import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of one GRU, its three gates (r, z, n, in that order) fused along the columns so that
 * one GEMM computes all of them: {@code x W_ih + b_ih} and {@code h W_hh + b_hh}. The weights are
 * stored input-major ([in, 3H], the transpose of PyTorch's weight_ih_l0).
 *
 * @param inputWeights  W_ih [in, 3H]
 * @param hiddenWeights W_hh [H, 3H]
 * @param inputBias     b_ih [3H]
 * @param hiddenBias    b_hh [3H]
 * @param hidden        H
 */
record GruParameters(Parameter inputWeights, Parameter hiddenWeights, Parameter inputBias,
                     Parameter hiddenBias, int hidden) {

    /** Adds {@code prefix.W_ih, prefix.W_hh, prefix.b_ih, prefix.b_hh} to the set. */
    static GruParameters register(ParameterSet params, String prefix, int input, int hidden) {
        return new GruParameters(
                params.add(prefix + ".W_ih", input, 3L * hidden),
                params.add(prefix + ".W_hh", hidden, 3L * hidden),
                params.add(prefix + ".b_ih", 3L * hidden),
                params.add(prefix + ".b_hh", 3L * hidden),
                hidden);
    }

    /**
     * {@code out = x W_ih + b_ih}.
     *
     * @param x   [n, in]
     * @param out [n, 3H]
     */
    void inputProjection(INDArray x, INDArray out) {
        Ops.matmul(x, inputWeights.value(), out);
        out.addiRowVector(inputBias.value());
    }

    /**
     * Sets every row of {@code out} to b_hh, once per batch, so that each step only adds its GEMM
     * ({@link #addHiddenProjection}).
     *
     * @param out [N, 3H]
     */
    void hiddenBiasRows(INDArray out) {
        out.assign(0);
        out.addiRowVector(hiddenBias.value());
    }

    /**
     * {@code out += h W_hh}.
     *
     * @param h   [n, H]
     * @param out [n, 3H]
     */
    void addHiddenProjection(INDArray h, INDArray out) {
        Ops.gemm(h, hiddenWeights.value(), out, false, false, 1.0, 1.0);
    }

    /**
     * Overwrites the gradients of W_ih and b_ih: {@code x^T dGates} and the column sums of dGates.
     *
     * @param x      [N, in] the inputs of all packed steps
     * @param dGates [N, 3H]
     */
    void inputGradients(INDArray x, INDArray dGates) {
        Ops.gemm(x, dGates, inputWeights.grad(), true, false, 1.0, 0.0);
        Ops.columnSums(dGates, inputBias.grad());
    }

    /**
     * Overwrites the gradients of W_hh and b_hh: {@code hPrev^T dHidden} and the column sums of dHidden.
     *
     * @param hPrev   [N, H] the previous state of each packed step
     * @param dHidden [N, 3H]
     */
    void hiddenGradients(INDArray hPrev, INDArray dHidden) {
        Ops.gemm(hPrev, dHidden, hiddenWeights.grad(), true, false, 1.0, 0.0);
        Ops.columnSums(dHidden, hiddenBias.grad());
    }
}
