package org.jnmt.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GRU run over packed sequences (see {@link LengthPacking}): the input projections of all steps
 * in one GEMM per gate, then per step the hidden GEMMs and the gate arithmetic over the running
 * rows only. Keeps its activations for one backward pass. Used for each direction of the encoder.
 */
final class GruLayer {

    private final GruParameters gru;
    private final Scratch gateBuffer;
    private final Scratch hiddenBuffer;
    private final Scratch previousBuffer;
    private final Scratch stateBuffer;
    private final Scratch dGateBuffer;
    private final Scratch dHiddenBuffer;
    private final Scratch dPreviousBuffer;

    private LengthPacking packing;
    private INDArray inputs; // [N, in]
    private INDArray gates; // [3, N, H] activations r, z, n
    private INDArray hidden; // [N, H] hn = W_hn h_{t-1} + b_hn
    private INDArray previous; // [N, H] h_{t-1} of each packed row (zero at t = 0)
    private INDArray states; // [N, H] h_t

    GruLayer(GruParameters gru, DataType dataType) {
        this.gru = gru;
        this.gateBuffer = new Scratch(dataType);
        this.hiddenBuffer = new Scratch(dataType);
        this.previousBuffer = new Scratch(dataType);
        this.stateBuffer = new Scratch(dataType);
        this.dGateBuffer = new Scratch(dataType);
        this.dHiddenBuffer = new Scratch(dataType);
        this.dPreviousBuffer = new Scratch(dataType);
    }

    /**
     * Runs the recurrence from h_0 = 0.
     *
     * @param packing the steps
     * @param x       [N, in] the packed inputs (kept, not copied, until the backward pass)
     * @return [N, H] the packed states h_t (valid until the next forward)
     */
    INDArray forward(LengthPacking packing, INDArray x) {
        long h = gru.hidden();
        int n = packing.total();
        this.packing = packing;
        this.inputs = x;
        gates = gateBuffer.shaped(3, n, h);
        hidden = hiddenBuffer.shaped(n, h);
        previous = previousBuffer.shaped(n, h);
        states = stateBuffer.shaped(n, h);
        GateBlocks all = GateBlocks.rows(gates, hidden, 0, n);
        gru.fillBiases(all);
        gru.addInputProjection(0, x, all);
        Views.rows(previous, 0, packing.count(0)).assign(0);
        for (int t = 0; t < packing.steps(); t++) {
            int o = packing.offset(t);
            int c = packing.count(t);
            INDArray hPrev = Views.rows(previous, o, c);
            GateBlocks g = GateBlocks.rows(gates, hidden, o, c);
            gru.addHiddenProjection(hPrev, g);
            GruCell.forward(g, hPrev, Views.rows(states, o, c));
            if (t + 1 < packing.steps()) {
                int next = packing.count(t + 1);
                Views.rows(previous, packing.offset(t + 1), next).assign(Views.rows(states, o, next));
            }
        }
        return states;
    }

    /**
     * Backpropagates through the last {@link #forward}; overwrites the GRU's parameter gradients.
     *
     * @param dStates [N, H] dL/dh_t from outside the recurrence; overwritten (the recurrence adds
     *                into it)
     * @param dInputs [N, in] output: dL/dx
     */
    void backward(INDArray dStates, INDArray dInputs) {
        long h = gru.hidden();
        int n = packing.total();
        INDArray dGates = dGateBuffer.shaped(3, n, h);
        INDArray dHidden = dHiddenBuffer.shaped(n, h);
        INDArray dPrevious = dPreviousBuffer.shaped(n, h);
        for (int t = packing.steps() - 1; t >= 0; t--) {
            int o = packing.offset(t);
            int c = packing.count(t);
            GateBlocks d = GateBlocks.rows(dGates, dHidden, o, c);
            INDArray dPrev = Views.rows(dPrevious, o, c);
            GruCell.backward(
                    GateBlocks.rows(gates, hidden, o, c),
                    Views.rows(previous, o, c),
                    Views.rows(dStates, o, c),
                    d,
                    dPrev);
            if (t > 0) {
                gru.addHiddenBackward(d, dPrev);
                Views.rows(dStates, packing.offset(t - 1), c).addi(dPrev);
            }
        }
        GateBlocks all = GateBlocks.rows(dGates, dHidden, 0, n);
        gru.inputGradients(0, inputs, all);
        gru.hiddenAndBiasGradients(previous, all);
        gru.inputBackward(0, all, dInputs, 0.0);
    }
}
