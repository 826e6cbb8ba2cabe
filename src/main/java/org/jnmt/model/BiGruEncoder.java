package org.jnmt.model;

import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The bidirectional GRU encoder of Bahdanau et al. (2015), section 3.2, and the decoder's initial
 * state: {@code h_j = [h_fwd_j; h_bwd_j]} over the real source positions only (the backward
 * direction starts at each sentence's own last token), and
 * {@code s_0 = tanh(W_init [h_fwd_last; h_bwd_first] + b_init)} (appendix A.2.2 uses h_bwd_first
 * alone; both ends, as in the PyTorch reference, here).
 * <p>
 * Both directions run over the same {@link LengthPacking} of the source lengths; the backward
 * direction reads each sentence reversed. The outputs are laid out in an order the caller picks
 * (the decoder's), padded to S = the longest source length, with zeros at padded positions.
 * Sizes: B sentences, S positions, N real positions, E embedding, H hidden per direction, D decoder.
 */
final class BiGruEncoder {

    private final Embedding embedding;
    private final GruLayer forwardLayer;
    private final GruLayer backwardLayer;
    private final Parameter bridgeWeights; // W_init [2H, D]
    private final Parameter bridgeBias; // b_init [D]
    private final int emb;
    private final int hidden;
    private final int decHidden;

    private final Scratch inputBuffer;
    private final Scratch reversedInputBuffer;
    private final Scratch maskBuffer;
    private final Scratch annotationBuffer;
    private final Scratch finalBuffer;
    private final Scratch initialBuffer;
    private final Scratch dStateBuffer;
    private final Scratch dReversedStateBuffer;
    private final Scratch dInputBuffer;
    private final Scratch dReversedInputBuffer;
    private final Scratch dBridgeBuffer;
    private final Scratch dFinalBuffer;

    private LengthPacking packing;
    private int[] ids; // [N] source ids in packed order
    private int[] reversed; // [N] packed row of the same token in the reversed reading
    private int[] outputRows; // [B] batch row of each output row
    private INDArray mask; // [N, E] embedding dropout, or null
    private INDArray finals; // [B, 2H] [h_fwd_last; h_bwd_first] in output order
    private INDArray initial; // [B, D] s_0 in output order
    private INDArray annotations; // [B, S, 2H]
    private int maxLength;

    BiGruEncoder(ParameterSet params, int srcVocab, int emb, int hidden, int decHidden) {
        DataType dataType = params.dataType();
        this.embedding = new Embedding(params, "src.emb", srcVocab, emb);
        this.forwardLayer = new GruLayer(new GruParameters(params, "enc.fwd", new int[] {emb}, hidden), dataType);
        this.backwardLayer = new GruLayer(new GruParameters(params, "enc.bwd", new int[] {emb}, hidden), dataType);
        this.bridgeWeights = params.add("bridge.W_init", 2L * hidden, decHidden);
        this.bridgeBias = params.add("bridge.b_init", decHidden);
        this.emb = emb;
        this.hidden = hidden;
        this.decHidden = decHidden;
        this.inputBuffer = new Scratch(dataType);
        this.reversedInputBuffer = new Scratch(dataType);
        this.maskBuffer = new Scratch(dataType);
        this.annotationBuffer = new Scratch(dataType);
        this.finalBuffer = new Scratch(dataType);
        this.initialBuffer = new Scratch(dataType);
        this.dStateBuffer = new Scratch(dataType);
        this.dReversedStateBuffer = new Scratch(dataType);
        this.dInputBuffer = new Scratch(dataType);
        this.dReversedInputBuffer = new Scratch(dataType);
        this.dBridgeBuffer = new Scratch(dataType);
        this.dFinalBuffer = new Scratch(dataType);
    }

    Embedding embedding() {
        return embedding;
    }

    /**
     * Encodes a batch. The results stay valid until the next call.
     *
     * @param src        [B][>= length] source ids (padding ignored)
     * @param lengths    [B] real lengths, each at least 1
     * @param outputRows [B'] which batch row goes to each output row (a permutation when training;
     *                   any rows for inference)
     * @param dropout    masks for the embedding dropout, or null for none
     * @param rate       the embedding dropout rate
     */
    void forward(int[][] src, int[] lengths, int[] outputRows, Dropout dropout, double rate) {
        packing = new LengthPacking(lengths);
        this.outputRows = outputRows.clone();
        int n = packing.total();
        ids = packing.pack((k, t) -> src[packing.batchRow(k)][t]);
        reversed = packing.pack((k, t) -> packing.offset(packing.length(k) - 1 - t) + k);
        maxLength = packing.length(0);

        INDArray x = inputBuffer.shaped(n, emb);
        embedding.lookup(ids, x);
        mask = dropout == null ? null : dropout.mask(maskBuffer, rate, n, emb);
        if (mask != null) {
            x.muli(mask);
        }
        INDArray xReversed = reversedInputBuffer.shaped(n, emb);
        RowOps.gather(x, 0, reversed, xReversed, 0, emb);
        INDArray forwardStates = forwardLayer.forward(packing, x); // [N, H]
        INDArray backwardStates = backwardLayer.forward(packing, xReversed);

        int b = outputRows.length;
        annotations = annotationBuffer.shaped(b, maxLength, 2L * hidden);
        INDArray flat = Views.reshape(annotations, (long) b * maxLength, 2L * hidden);
        RowOps.gather(forwardStates, 0, annotationRows(false), flat, 0, hidden);
        RowOps.gather(backwardStates, 0, annotationRows(true), flat, hidden, hidden);

        int[] last = lastRows();
        finals = finalBuffer.shaped(b, 2L * hidden);
        RowOps.gather(forwardStates, 0, last, finals, 0, hidden);
        RowOps.gather(backwardStates, 0, last, finals, hidden, hidden);
        initial = initialBuffer.shaped(b, decHidden);
        Ops.matmul(finals, bridgeWeights.value(), initial);
        Ops.broadcastRow(bridgeBias.value(), initial, 1.0);
        Ops.tanh(initial);
    }

    /** [B', S, 2H] h_j in output order, zero at padded positions. */
    INDArray annotations() {
        return annotations;
    }

    /** [B', D] s_0 in output order. */
    INDArray initialState() {
        return initial;
    }

    /** The real source length of each output row: [B']. */
    int[] outputLengths() {
        int[] lengths = new int[outputRows.length];
        for (int r = 0; r < lengths.length; r++) {
            lengths[r] = packing.length(packing.slotOf(outputRows[r]));
        }
        return lengths;
    }

    /**
     * Backpropagates through the last {@link #forward} (whose output rows must have been a
     * permutation of the batch); overwrites the encoder's parameter gradients and adds into the
     * source embedding's gradient.
     *
     * @param dAnnotations [B, S, 2H]
     * @param dInitial     [B, D]
     */
    void backward(INDArray dAnnotations, INDArray dInitial) {
        int b = outputRows.length;
        int n = packing.total();
        INDArray dPre = dBridgeBuffer.shaped(b, decHidden);
        Ops.tanhDerivative(initial, dPre);
        Ops.mul(dPre, dInitial, dPre);
        Ops.gemm(finals, dPre, bridgeWeights.grad(), true, false, 1.0, 0.0);
        Ops.columnSums(dPre, bridgeBias.grad());
        INDArray dFinals = dFinalBuffer.shaped(b, 2L * hidden);
        Ops.gemm(dPre, bridgeWeights.value(), dFinals, false, true, 1.0, 0.0);

        int[] outputRowOf = new int[b];
        for (int r = 0; r < b; r++) {
            outputRowOf[outputRows[r]] = r;
        }
        INDArray flat = Views.reshape(dAnnotations, (long) b * maxLength, 2L * hidden);
        INDArray dForward = dStateBuffer.shaped(n, hidden);
        INDArray dBackward = dReversedStateBuffer.shaped(n, hidden);
        RowOps.gather(
                flat, 0, packing.pack((k, t) -> outputRowOf[packing.batchRow(k)] * maxLength + t), dForward, 0, hidden);
        RowOps.gather(
                flat,
                hidden,
                packing.pack((k, t) -> outputRowOf[packing.batchRow(k)] * maxLength + packing.length(k) - 1 - t),
                dBackward,
                0,
                hidden);
        int[] last = lastRows();
        RowOps.scatterAdd(dForward, 0, last, dFinals, 0, hidden);
        RowOps.scatterAdd(dBackward, 0, last, dFinals, hidden, hidden);

        INDArray dx = dInputBuffer.shaped(n, emb);
        INDArray dxReversed = dReversedInputBuffer.shaped(n, emb);
        forwardLayer.backward(dForward, dx);
        backwardLayer.backward(dBackward, dxReversed);
        RowOps.scatterAdd(dx, 0, reversed, dxReversed, 0, emb);
        if (mask != null) {
            dx.muli(mask);
        }
        embedding.accumulateGradient(ids, dx);
    }

    /**
     * For each output row r and position j, the packed row holding h_fwd_j (or h_bwd_j), -1 at padding:
     * [B' * S].
     */
    private int[] annotationRows(boolean backwardDirection) {
        int[] rows = new int[outputRows.length * maxLength];
        for (int r = 0; r < outputRows.length; r++) {
            int k = packing.slotOf(outputRows[r]);
            int len = packing.length(k);
            for (int j = 0; j < maxLength; j++) {
                int step = backwardDirection ? len - 1 - j : j;
                rows[r * maxLength + j] = j < len ? packing.offset(step) + k : -1;
            }
        }
        return rows;
    }

    /** For each output row, the packed row of its last step (h_fwd_last and h_bwd_first): [B']. */
    private int[] lastRows() {
        int[] rows = new int[outputRows.length];
        for (int r = 0; r < rows.length; r++) {
            int k = packing.slotOf(outputRows[r]);
            rows[r] = packing.offset(packing.length(k) - 1) + k;
        }
        return rows;
    }
}
