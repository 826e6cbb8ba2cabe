package org.jnmt.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a GRU with PyTorch's GRUCell semantics (Cho et al. 2014, with the reset gate applied
 * to the hidden projection including its bias):
 * <pre>
 *   r  = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
 *   z  = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 *   n  = tanh(W_in x + b_in + r * (W_hn h + b_hn))
 *   h' = (1 - z) * n + z * h
 * </pre>
 * The projections come in precomputed (one GEMM for all steps' inputs, one per step for h); the
 * gates are column blocks [r | z | n] of width H. Rows may be any packed subset of a batch.
 */
final class GruCell {

    private GruCell() {
    }

    /**
     * @param gates  [n, 3H]: {@code W_i x + b_i} on entry, the activations [r | z | n] on return
     * @param hidden [n, 3H]: {@code W_h h + b_h}, kept for the backward pass
     * @param hPrev  [n, H]
     * @param hNext  [n, H] output
     */
    static void forward(INDArray gates, INDArray hidden, INDArray hPrev, INDArray hNext, long h) {
        INDArray rz = Views.columns(gates, 0, 2 * h);
        Ops.add(rz, Views.columns(hidden, 0, 2 * h), rz);
        Ops.sigmoid(rz);
        INDArray r = Views.columns(gates, 0, h);
        INDArray z = Views.columns(gates, h, h);
        INDArray n = Views.columns(gates, 2 * h, h);
        Ops.mul(r, Views.columns(hidden, 2 * h, h), hNext);
        Ops.add(n, hNext, n);
        Ops.tanh(n);
        // h' = n + z * (h - n)
        Ops.sub(hPrev, n, hNext);
        Ops.mul(hNext, z, hNext);
        Ops.add(hNext, n, hNext);
    }

    /**
     * The gradients of one step given dL/dh'.
     *
     * @param gates   [n, 3H] the activations [r | z | n] of {@link #forward}
     * @param hidden  [n, 3H] the hidden projection of {@link #forward}
     * @param hPrev   [n, H]
     * @param dNext   [n, H] dL/dh' (read only)
     * @param dGates  [n, 3H] output: dL/d(W_i x + b_i)
     * @param dHidden [n, 3H] output: dL/d(W_h h + b_h)
     * @param dPrev   [n, H] output: the direct part of dL/dh, {@code dh' * z}; the caller adds
     *                {@code dHidden W_h^T}
     */
    static void backward(INDArray gates, INDArray hidden, INDArray hPrev, INDArray dNext,
                         INDArray dGates, INDArray dHidden, INDArray dPrev, long h) {
        INDArray rz = Views.columns(gates, 0, 2 * h);
        INDArray r = Views.columns(gates, 0, h);
        INDArray z = Views.columns(gates, h, h);
        INDArray n = Views.columns(gates, 2 * h, h);
        INDArray dRz = Views.columns(dGates, 0, 2 * h);
        INDArray dR = Views.columns(dGates, 0, h);
        INDArray dZ = Views.columns(dGates, h, h);
        INDArray dN = Views.columns(dGates, 2 * h, h);
        INDArray dHiddenRz = Views.columns(dHidden, 0, 2 * h);
        INDArray dHiddenN = Views.columns(dHidden, 2 * h, h);
        // dN = dh' (1 - z) (1 - n^2), with dHiddenN as scratch for 1 - n^2
        Ops.tanhDerivative(n, dHiddenN);
        Ops.oneMinus(z, dN);
        Ops.mul(dN, dNext, dN);
        Ops.mul(dN, dHiddenN, dN);
        // before the sigmoids: dr = dN (W_hn h + b_hn), dz = dh' (h - n)
        Ops.mul(dN, Views.columns(hidden, 2 * h, h), dR);
        Ops.sub(hPrev, n, dZ);
        Ops.mul(dZ, dNext, dZ);
        // through both sigmoids at once, with dHiddenRz as scratch for s (1 - s)
        Ops.timesOneMinus(rz, dHiddenRz);
        Ops.mul(dRz, dHiddenRz, dRz);
        dHiddenRz.assign(dRz);
        Ops.mul(dN, r, dHiddenN);
        Ops.mul(dNext, z, dPrev);
    }
}
