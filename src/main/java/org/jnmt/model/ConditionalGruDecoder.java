package org.jnmt.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The conditional GRU decoder of Nematus and Marian ({@code model.decoder: cgru}; Sennrich et al.
 * 2017, "Nematus: a Toolkit for Neural Machine Translation", section 2):
 * <pre>
 *   s'_i = GRU_1(E y_{i-1}, s_{i-1})      the word just emitted is read first,
 *   c_i  = attend(s'_i, h)                 so the attention's query knows it,
 *   s_i  = GRU_2(c_i, s'_i)                then the context is read,
 * </pre>
 * with the features {@code [s_i; c_i; E y_{i-1}]} for the output layer, as in {@link GruDecoder}.
 * Sizes: B sentences, S source positions, N packed target positions, E embedding, 2H annotation,
 * D decoder state, A attention.
 */
final class ConditionalGruDecoder implements Decoder {

    /** Each GRU transition has a single input segment. */
    private static final int INPUT = 0;

    private final TargetInputs targetInputs;
    private final GruParameters first;
    private final PackedAttention attention;
    private final GruParameters second;
    private final int annotation;
    private final int dec;
    private final Buffers buffers;

    private LengthPacking packing;
    private INDArray inputs; // [N, E] E y_{i-1} after dropout
    private INDArray firstGates; // [3, N, D] GRU_1 activations
    private INDArray firstHidden; // [N, D] W_hn s_{i-1} + b_hn of GRU_1
    private INDArray previous; // [N, D] s_{i-1}
    private INDArray intermediate; // [N, D] s'_i, the attention's queries
    private INDArray secondGates; // [3, N, D] GRU_2 activations
    private INDArray secondHidden; // [N, D] W_hn s'_i + b_hn of GRU_2
    private INDArray states; // [N, D] s_i
    private INDArray dInitial; // [B, D]

    ConditionalGruDecoder(ParameterSet params, int tgtVocab, int emb, int annotation, int dec, int attn) {
        this.targetInputs = new TargetInputs(params, tgtVocab, emb);
        this.first = new GruParameters(params, "dec.gru1", new int[] {emb}, dec);
        this.attention = new PackedAttention(params, dec, annotation, attn);
        this.second = new GruParameters(params, "dec.gru2", new int[] {annotation}, dec);
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
        firstGates = buffers.firstGates.shaped(3, n, dec);
        firstHidden = buffers.firstHidden.shaped(n, dec);
        previous = buffers.previous.shaped(n, dec);
        intermediate = buffers.intermediate.shaped(n, dec);
        secondGates = buffers.secondGates.shaped(3, n, dec);
        secondHidden = buffers.secondHidden.shaped(n, dec);
        states = buffers.states.shaped(n, dec);
        attention.begin(enc, packing);

        GateBlocks firstAll = GateBlocks.rows(firstGates, firstHidden, 0, n);
        first.fillBiases(firstAll);
        first.addInputProjection(INPUT, inputs, firstAll);
        second.fillBiases(GateBlocks.rows(secondGates, secondHidden, 0, n));
        Views.rows(previous, 0, packing.count(0)).assign(enc.initialState());
        for (int t = 0; t < packing.steps(); t++) {
            int o = packing.offset(t);
            int c = packing.count(t);
            INDArray sPrev = Views.rows(previous, o, c);
            INDArray mid = Views.rows(intermediate, o, c);
            GateBlocks g1 = GateBlocks.rows(firstGates, firstHidden, o, c);
            first.addHiddenProjection(sPrev, g1);
            GruCell.forward(g1, sPrev, mid);
            INDArray ctx = attention.forward(t, mid);
            GateBlocks g2 = GateBlocks.rows(secondGates, secondHidden, o, c);
            second.addInputProjection(INPUT, ctx, g2);
            second.addHiddenProjection(mid, g2);
            GruCell.forward(g2, mid, Views.rows(states, o, c));
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
        INDArray dFirstGates = buffers.dFirstGates.shaped(3, n, dec);
        INDArray dFirstHidden = buffers.dFirstHidden.shaped(n, dec);
        INDArray dSecondGates = buffers.dSecondGates.shaped(3, n, dec);
        INDArray dSecondHidden = buffers.dSecondHidden.shaped(n, dec);
        INDArray dIntermediate = buffers.dIntermediate.shaped(n, dec);
        INDArray dPrevious = buffers.dPrevious.shaped(n, dec);
        dInitial = buffers.dInitial.shaped(packing.batchSize(), dec);
        attention.beginBackward();

        for (int t = packing.steps() - 1; t >= 0; t--) {
            int o = packing.offset(t);
            int c = packing.count(t);
            // s_i = GRU_2(c_i, s'_i)
            GateBlocks d2 = GateBlocks.rows(dSecondGates, dSecondHidden, o, c);
            INDArray dMid = Views.rows(dIntermediate, o, c);
            GruCell.backward(
                    GateBlocks.rows(secondGates, secondHidden, o, c),
                    Views.rows(intermediate, o, c),
                    Views.rows(dStates, o, c),
                    d2,
                    dMid);
            second.addHiddenBackward(d2, dMid);
            INDArray dCtx = Views.rows(dContexts, o, c);
            second.inputBackward(INPUT, d2, dCtx, 1.0);
            // c_i = attend(s'_i, h)
            attention.backward(t, dCtx, dMid, dGuide);
            // s'_i = GRU_1(E y_{i-1}, s_{i-1})
            GateBlocks d1 = GateBlocks.rows(dFirstGates, dFirstHidden, o, c);
            INDArray dPrev = Views.rows(dPrevious, o, c);
            GruCell.backward(
                    GateBlocks.rows(firstGates, firstHidden, o, c), Views.rows(previous, o, c), dMid, d1, dPrev);
            first.addHiddenBackward(d1, dPrev);
            packing.carryStateGradient(dPrev, dStates, dInitial, t);
        }
        GateBlocks firstAll = GateBlocks.rows(dFirstGates, dFirstHidden, 0, n);
        GateBlocks secondAll = GateBlocks.rows(dSecondGates, dSecondHidden, 0, n);
        first.inputGradients(INPUT, inputs, firstAll);
        first.hiddenAndBiasGradients(previous, firstAll);
        second.inputGradients(INPUT, attention.contexts(), secondAll);
        second.hiddenAndBiasGradients(intermediate, secondAll);
        attention.endBackward(intermediate);
        first.inputBackward(INPUT, firstAll, dInputs, 1.0);
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
        GateBlocks g1 = GateBlocks.rows(buffers.stepGates.shaped(3, n, dec), buffers.stepHidden.shaped(n, dec), 0, n);
        first.fillBiases(g1);
        first.addInputProjection(INPUT, x, g1);
        first.addHiddenProjection(prevState, g1);
        INDArray mid = buffers.stepIntermediate.shaped(n, dec);
        GruCell.forward(g1, prevState, mid);
        INDArray ctx = buffers.stepContexts.shaped(n, annotation);
        INDArray alpha = attention.step(enc, mid, ctx);
        // the step's gate buffers are free again: GRU_1's activations are not needed for inference
        GateBlocks g2 = GateBlocks.rows(buffers.stepGates.shaped(3, n, dec), buffers.stepHidden.shaped(n, dec), 0, n);
        second.fillBiases(g2);
        second.addInputProjection(INPUT, ctx, g2);
        second.addHiddenProjection(mid, g2);
        INDArray state = Nd4j.create(type, n, dec);
        GruCell.forward(g2, mid, state);
        return new StepResult(new Features(state, ctx, x), alpha);
    }

    /** The decoder's reusable work buffers. */
    private static final class Buffers {
        final Scratch firstGates;
        final Scratch firstHidden;
        final Scratch previous;
        final Scratch intermediate;
        final Scratch secondGates;
        final Scratch secondHidden;
        final Scratch states;
        final Scratch dFirstGates;
        final Scratch dFirstHidden;
        final Scratch dSecondGates;
        final Scratch dSecondHidden;
        final Scratch dIntermediate;
        final Scratch dPrevious;
        final Scratch dInitial;
        final Scratch stepIntermediate;
        final Scratch stepContexts;
        final Scratch stepGates;
        final Scratch stepHidden;

        Buffers(DataType t) {
            firstGates = new Scratch(t);
            firstHidden = new Scratch(t);
            previous = new Scratch(t);
            intermediate = new Scratch(t);
            secondGates = new Scratch(t);
            secondHidden = new Scratch(t);
            states = new Scratch(t);
            dFirstGates = new Scratch(t);
            dFirstHidden = new Scratch(t);
            dSecondGates = new Scratch(t);
            dSecondHidden = new Scratch(t);
            dIntermediate = new Scratch(t);
            dPrevious = new Scratch(t);
            dInitial = new Scratch(t);
            stepIntermediate = new Scratch(t);
            stepContexts = new Scratch(t);
            stepGates = new Scratch(t);
            stepHidden = new Scratch(t);
        }
    }
}
