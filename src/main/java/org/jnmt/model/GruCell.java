package org.jnmt.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise part of one GRU step with PyTorch's GRUCell semantics (Cho et al. 2014, the
 * reset gate applied to the hidden projection including its bias):
 * <pre>
 *   r  = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
 *   z  = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 *   n  = tanh(W_in x + b_in + r * (W_hn h + b_hn))
 *   h' = (1 - z) * n + z * h
 * </pre>
 * The projections come in precomputed in {@link GateBlocks} (see {@link GruParameters}); every
 * block is a contiguous [n, H] matrix.
 */
final class GruCell {

    private GruCell() {}

    /**
     * @param g     on entry r, z, n hold their pre-activations and hn = W_hn h + b_hn; on return r, z,
     *              n hold the activations (kept for the backward pass)
     * @param hPrev [n, H]
     * @param hNext [n, H] output
     */
    static void forward(GateBlocks g, INDArray hPrev, INDArray hNext) {
        assert blocksMatch(g, hPrev, hNext);
        Ops.sigmoid(g.r());
        Ops.sigmoid(g.z());
        Ops.mul(g.r(), g.hn(), hNext);
        Ops.add(g.n(), hNext, g.n());
        Ops.tanh(g.n());
        // h' = n + z * (h - n)
        Ops.sub(hPrev, g.n(), hNext);
        Ops.mul(hNext, g.z(), hNext);
        Ops.add(hNext, g.n(), hNext);
    }

    /** For the assert at the entry of {@link #forward}: every block is [n, H]; throws naming the first that is not. */
    private static boolean blocksMatch(GateBlocks g, INDArray hPrev, INDArray hNext) {
        long[] shape = hPrev.shape();
        INDArray[] blocks = {g.r(), g.z(), g.n(), g.hn(), hNext};
        String[] names = {"r", "z", "n", "hn", "hNext"};
        for (int i = 0; i < blocks.length; i++) {
            if (shape.length != 2 || !Shapes.is(blocks[i], shape)) {
                throw new AssertionError("GRU cell: " + Shapes.mismatch(names[i], blocks[i], shape));
            }
        }
        return true;
    }

    /**
     * The gradients of one step given dL/dh'.
     *
     * @param g     the activations and hn of {@link #forward}
     * @param hPrev [n, H]
     * @param dNext [n, H] dL/dh' (read only)
     * @param d     output: dL/d of the pre-activations of r, z, n and of hn
     * @param dPrev [n, H] output: the direct part of dL/dh, {@code dh' * z}; the caller adds the
     *              part through the hidden projections ({@link GruParameters#addHiddenBackward})
     */
    static void backward(GateBlocks g, INDArray hPrev, INDArray dNext, GateBlocks d, INDArray dPrev) {
        // dN = dh' (1 - z) (1 - n^2), with d.hn as scratch
        Ops.tanhDerivative(g.n(), d.hn());
        Ops.oneMinus(g.z(), d.n());
        Ops.mul(d.n(), dNext, d.n());
        Ops.mul(d.n(), d.hn(), d.n());
        // dR = dN hn r (1 - r)
        Ops.mul(d.n(), g.hn(), d.r());
        Ops.timesOneMinus(g.r(), d.hn());
        Ops.mul(d.r(), d.hn(), d.r());
        // dZ = dh' (h - n) z (1 - z)
        Ops.sub(hPrev, g.n(), d.z());
        Ops.mul(d.z(), dNext, d.z());
        Ops.timesOneMinus(g.z(), d.hn());
        Ops.mul(d.z(), d.hn(), d.z());
        Ops.mul(d.n(), g.r(), d.hn());
        Ops.mul(dNext, g.z(), dPrev);
    }
}
