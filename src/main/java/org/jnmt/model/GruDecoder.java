package org.jnmt.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GRU decoder of Bahdanau et al. (2015), section 3.1 ({@code model.decoder: gru}), with the
 * attention queried by the previous state: {@code c_i = attend(s_{i-1}, h)},
 * {@code s_i = GRU([E y_{i-1}; c_i], s_{i-1})}, and the features {@code [s_i; c_i; E y_{i-1}]}.
 * <p>
 * The input weights W_ih [3, E + 2H, D] hold the embedding rows first, then the context rows.
 * Sizes: B sentences, S source positions, N packed target positions, E embedding, 2H annotation,
 * D decoder state.
 */
final class GruDecoder implements Decoder {

    /** The segments of the GRU's input [E y_{i-1}; c_i]. */
    private static final int EMBEDDING = 0;

    private static final int CONTEXT = 1;

    private final TargetInputs targetInputs;
    private final GruParameters gru;
    private final PackedAttention attention;
    private final int annotation;
    private final int dec;
    private final Buffers buffers;

    private LengthPacking packing;
    private INDArray inputs; // [N, E] E y_{i-1} after dropout
    private INDArray gates; // [3, N, D] GRU activations r, z, n
    private INDArray hidden; // [N, D] W_hn s_{i-1} + b_hn
    private INDArray previous; // [N, D] s_{i-1}
    private INDArray states; // [N, D] s_i
    private INDArray dInitial; // [B, D]

    GruDecoder(ParameterSet params, int tgtVocab, int emb, int annotation, int dec, int attn) {
        this.targetInputs = new TargetInputs(params, tgtVocab, emb);
        this.gru = new GruParameters(params, "dec", new int[] {emb, annotation}, dec);
        this.attention = new PackedAttention(params, dec, annotation, attn);
        this.annotation = annotation;
        this.dec = dec;
        this.buffers = new Buffers(params.dataType());
    }

    @Override
    public Embedding embedding() {
        return targetInputs.embedding();
    }

    @Override
    public INDArray keys(INDArray annotations, boolean fresh) {
        return attention.keys(annotations, fresh);
    }

    @Override
    public Features forward(EncoderState enc, LengthPacking packing, int[] inputIds, Dropout dropout, double rate) {
        this.packing = packing;
        int n = packing.total();
        inputs = targetInputs.forward(inputIds, dropout, rate);
        gates = buffers.gates.shaped(3, n, dec);
        hidden = buffers.hidden.shaped(n, dec);
        previous = buffers.previous.shaped(n, dec);
        states = buffers.states.shaped(n, dec);
        attention.begin(enc, packing);

        GateBlocks all = GateBlocks.rows(gates, hidden, 0, n);
        gru.fillBiases(all);
        gru.addInputProjection(EMBEDDING, inputs, all);
        Views.rows(previous, 0, packing.count(0)).assign(enc.initialState());
        for (int t = 0; t < packing.steps(); t++) {
            int o = packing.offset(t);
            int c = packing.count(t);
            INDArray sPrev = Views.rows(previous, o, c);
            INDArray ctx = attention.forward(t, sPrev);
            GateBlocks g = GateBlocks.rows(gates, hidden, o, c);
            gru.addInputProjection(CONTEXT, ctx, g);
            gru.addHiddenProjection(sPrev, g);
            GruCell.forward(g, sPrev, Views.rows(states, o, c));
            packing.carryStates(states, previous, t);
        }
        return new Features(states, attention.contexts(), inputs);
    }

    @Override
    public INDArray weights() {
        return attention.weights();
    }

    @Override
    public void backward(Features dFeatures, INDArray dGuide) {
        int n = packing.total();
        INDArray dStates = dFeatures.states();
        INDArray dContexts = dFeatures.contexts();
        INDArray dInputs = dFeatures.inputs();
        INDArray dGates = buffers.dGates.shaped(3, n, dec);
        INDArray dHidden = buffers.dHidden.shaped(n, dec);
        INDArray dPrevious = buffers.dPrevious.shaped(n, dec);
        dInitial = buffers.dInitial.shaped(packing.batchSize(), dec);
        attention.beginBackward();

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
            INDArray dCtx = Views.rows(dContexts, o, c);
            gru.inputBackward(CONTEXT, d, dCtx, 1.0);
            gru.addHiddenBackward(d, dPrev);
            attention.backward(t, dCtx, dPrev, dGuide);
            packing.carryStateGradient(dPrev, dStates, dInitial, t);
        }
        GateBlocks all = GateBlocks.rows(dGates, dHidden, 0, n);
        gru.inputGradients(EMBEDDING, inputs, all);
        gru.inputGradients(CONTEXT, attention.contexts(), all);
        gru.hiddenAndBiasGradients(previous, all);
        attention.endBackward(previous);
        gru.inputBackward(EMBEDDING, all, dInputs, 1.0);
        targetInputs.backward(dInputs);
    }

    @Override
    public INDArray dAnnotations() {
        return attention.dAnnotations();
    }

    @Override
    public INDArray dInitialState() {
        return dInitial;
    }

    @Override
    public StepResult step(EncoderState enc, INDArray prevState, int[] prevTokens) {
        int n = prevTokens.length;
        DataType type = prevState.dataType();
        INDArray x = targetInputs.step(prevTokens);
        INDArray ctx = buffers.stepContexts.shaped(n, annotation);
        INDArray alpha = attention.step(enc, prevState, ctx);
        GateBlocks g = GateBlocks.rows(buffers.stepGates.shaped(3, n, dec), buffers.stepHidden.shaped(n, dec), 0, n);
        gru.fillBiases(g);
        gru.addInputProjection(EMBEDDING, x, g);
        gru.addInputProjection(CONTEXT, ctx, g);
        gru.addHiddenProjection(prevState, g);
        INDArray state = Nd4j.create(type, n, dec);
        GruCell.forward(g, prevState, state);
        return new StepResult(new Features(state, ctx, x), alpha);
    }

    /** The decoder's reusable work buffers. */
    private static final class Buffers {
        final Scratch gates;
        final Scratch hidden;
        final Scratch previous;
        final Scratch states;
        final Scratch dGates;
        final Scratch dHidden;
        final Scratch dPrevious;
        final Scratch dInitial;
        final Scratch stepContexts;
        final Scratch stepGates;
        final Scratch stepHidden;

        Buffers(DataType t) {
            gates = new Scratch(t);
            hidden = new Scratch(t);
            previous = new Scratch(t);
            states = new Scratch(t);
            dGates = new Scratch(t);
            dHidden = new Scratch(t);
            dPrevious = new Scratch(t);
            dInitial = new Scratch(t);
            stepContexts = new Scratch(t);
            stepGates = new Scratch(t);
            stepHidden = new Scratch(t);
        }
    }
}
