package org.jnmt.model;

import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of one GRU, stored gate-major so that each gate's weights, each gate's output and
 * each input segment's rows are contiguous: W_ih [3, in, H], W_hh [3, H, H] (gates r, z, n;
 * {@code x W_ih[g]} is gate g's input projection), b_ih [3H], b_hh [3H]. The input may come in
 * segments (the decoder's [E y; c]), each multiplying its own rows of W_ih. Since r and z only
 * ever see {@code W_i x + b_i + W_h h + b_h}, their hidden projections are added straight into the
 * gate blocks; only n keeps {@code hn = W_hn h + b_hn} apart (the reset gate scales it).
 * The views of the weight blocks are made once: parameters are updated in place.
 */
final class GruParameters {

    private final int hidden;
    private final INDArray[][] inputBlocks; // [segment][gate] rows of W_ih[gate]: [in_s, H]
    private final INDArray[][] inputGradBlocks;
    private final INDArray[] hiddenBlocks; // [gate] W_hh[gate]: [H, H]
    private final INDArray[] hiddenGradBlocks;
    private final INDArray[] inputBias; // [gate] [H]
    private final INDArray[] inputBiasGrad;
    private final INDArray[] hiddenBias;
    private final INDArray[] hiddenBiasGrad;

    /**
     * Adds {@code prefix.W_ih, prefix.W_hh, prefix.b_ih, prefix.b_hh} to the set.
     *
     * @param segments the widths of the input's segments, in order (their sum is the input size)
     */
    GruParameters(ParameterSet params, String prefix, int[] segments, int hidden) {
        int input = 0;
        for (int width : segments) {
            input += width;
        }
        Parameter inputWeights = params.add(prefix + ".W_ih", 3, input, hidden);
        Parameter hiddenWeights = params.add(prefix + ".W_hh", 3, hidden, hidden);
        Parameter bi = params.add(prefix + ".b_ih", 3L * hidden);
        Parameter bh = params.add(prefix + ".b_hh", 3L * hidden);
        this.hidden = hidden;
        inputBlocks = new INDArray[segments.length][3];
        inputGradBlocks = new INDArray[segments.length][3];
        hiddenBlocks = new INDArray[3];
        hiddenGradBlocks = new INDArray[3];
        inputBias = new INDArray[3];
        inputBiasGrad = new INDArray[3];
        hiddenBias = new INDArray[3];
        hiddenBiasGrad = new INDArray[3];
        for (int k = 0; k < 3; k++) {
            long row = 0;
            for (int s = 0; s < segments.length; s++) {
                inputBlocks[s][k] = Views.planeRows(inputWeights.value(), k, row, segments[s]);
                inputGradBlocks[s][k] = Views.planeRows(inputWeights.grad(), k, row, segments[s]);
                row += segments[s];
            }
            hiddenBlocks[k] = Views.planeRows(hiddenWeights.value(), k, 0, hidden);
            hiddenGradBlocks[k] = Views.planeRows(hiddenWeights.grad(), k, 0, hidden);
            inputBias[k] = Views.segment(bi.value(), (long) k * hidden, hidden);
            inputBiasGrad[k] = Views.segment(bi.grad(), (long) k * hidden, hidden);
            hiddenBias[k] = Views.segment(bh.value(), (long) k * hidden, hidden);
            hiddenBiasGrad[k] = Views.segment(bh.grad(), (long) k * hidden, hidden);
        }
    }

    int hidden() {
        return hidden;
    }

    /**
     * Sets the blocks to their biases, before the projections are added in: r to b_ir + b_hr, z to
     * b_iz + b_hz, n to b_in, hn to b_hn.
     */
    void fillBiases(GateBlocks g) {
        for (int k = 0; k < 3; k++) {
            INDArray block = g.gate(k);
            Ops.broadcastRow(inputBias[k], block, 0.0);
            if (k < 2) {
                Ops.broadcastRow(hiddenBias[k], block, 1.0);
            }
        }
        Ops.broadcastRow(hiddenBias[2], g.hn(), 0.0);
    }

    /**
     * Adds {@code x W_ih[g][rows of the segment]} to the gate blocks r, z, n.
     *
     * @param x [n, in_s]
     */
    void addInputProjection(int segment, INDArray x, GateBlocks g) {
        for (int k = 0; k < 3; k++) {
            Ops.gemm(x, inputBlocks[segment][k], g.gate(k), false, false, 1.0, 1.0);
        }
    }

    /**
     * Adds the hidden projections: {@code r += h W_hr}, {@code z += h W_hz}, {@code hn += h W_hn}.
     *
     * @param h [n, H]
     */
    void addHiddenProjection(INDArray h, GateBlocks g) {
        Ops.gemm(h, hiddenBlocks[0], g.r(), false, false, 1.0, 1.0);
        Ops.gemm(h, hiddenBlocks[1], g.z(), false, false, 1.0, 1.0);
        Ops.gemm(h, hiddenBlocks[2], g.hn(), false, false, 1.0, 1.0);
    }

    /**
     * dL/dx for an input segment: {@code dx = beta dx + sum_g dG_g W_ih[g][rows]^T}.
     *
     * @param d  the gradients of the gate blocks
     * @param dx [n, in_s]
     */
    void inputBackward(int segment, GateBlocks d, INDArray dx, double beta) {
        for (int k = 0; k < 3; k++) {
            Ops.gemm(d.gate(k), inputBlocks[segment][k], dx, false, true, 1.0, k == 0 ? beta : 1.0);
        }
    }

    /**
     * Adds dL/dh through the hidden projections: {@code dh += dR W_hr^T + dZ W_hz^T + dHn W_hn^T}.
     *
     * @param dh [n, H]
     */
    void addHiddenBackward(GateBlocks d, INDArray dh) {
        Ops.gemm(d.r(), hiddenBlocks[0], dh, false, true, 1.0, 1.0);
        Ops.gemm(d.z(), hiddenBlocks[1], dh, false, true, 1.0, 1.0);
        Ops.gemm(d.hn(), hiddenBlocks[2], dh, false, true, 1.0, 1.0);
    }

    /**
     * Overwrites the gradient of W_ih's rows for one input segment: {@code x^T dG_g} for each gate.
     *
     * @param x [N, in_s] the segment over all packed steps
     * @param d the gate gradients over all packed steps
     */
    void inputGradients(int segment, INDArray x, GateBlocks d) {
        for (int k = 0; k < 3; k++) {
            Ops.gemm(x, d.gate(k), inputGradBlocks[segment][k], true, false, 1.0, 0.0);
        }
    }

    /**
     * Overwrites the gradients of W_hh and of both biases.
     *
     * @param hPrev [N, H] the previous state of each packed step
     * @param d     the gate gradients over all packed steps
     */
    void hiddenAndBiasGradients(INDArray hPrev, GateBlocks d) {
        Ops.gemm(hPrev, d.r(), hiddenGradBlocks[0], true, false, 1.0, 0.0);
        Ops.gemm(hPrev, d.z(), hiddenGradBlocks[1], true, false, 1.0, 0.0);
        Ops.gemm(hPrev, d.hn(), hiddenGradBlocks[2], true, false, 1.0, 0.0);
        for (int k = 0; k < 3; k++) {
            Ops.columnSums(d.gate(k), inputBiasGrad[k]);
        }
        hiddenBiasGrad[0].assign(inputBiasGrad[0]);
        hiddenBiasGrad[1].assign(inputBiasGrad[1]);
        Ops.columnSums(d.hn(), hiddenBiasGrad[2]);
    }
}
