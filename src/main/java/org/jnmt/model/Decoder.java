package org.jnmt.model;

import org.jnmt.config.DecoderType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent decoder with additive attention over the encoder's annotations: teacher-forced
 * passes over a {@link LengthPacking} of the target lengths for training, single steps for N
 * hypotheses for inference. Both kinds hand the output layer the features
 * {@code [s_i; c_i; E y_{i-1}]}.
 */
interface Decoder {

    /** The decoder of {@code type}; adds its parameters to the set. */
    static Decoder create(
            DecoderType type, ParameterSet params, int tgtVocab, int emb, int annotation, int dec, int attn) {
        return switch (type) {
            case GRU -> new GruDecoder(params, tgtVocab, emb, annotation, dec, attn);
            case CGRU -> new ConditionalGruDecoder(params, tgtVocab, emb, annotation, dec, attn);
        };
    }

    Embedding embedding();

    /**
     * The attention keys U_a h_j of a batch.
     *
     * @param annotations [B, S, 2H]
     * @return [B, S, A] (fresh when {@code fresh}, else a buffer valid until the next training forward)
     */
    INDArray keys(INDArray annotations, boolean fresh);

    /**
     * Teacher-forced decoding of a batch whose rows are in the packing's sorted order.
     *
     * @param enc      the encoded batch, row k = sorted slot k
     * @param inputIds [N] the packed decoder inputs y_{i-1} (BOS at step 0)
     * @param dropout  masks for the embedding dropout, or null for none
     * @param rate     the embedding dropout rate
     * @return the features of each packed position (buffers valid until the next forward)
     */
    Features forward(EncoderState enc, LengthPacking packing, int[] inputIds, Dropout dropout, double rate);

    /** [N, S] the attention weights of each packed position of the last {@link #forward}. */
    INDArray weights();

    /**
     * Backpropagates through the last {@link #forward}: overwrites the decoder's and attention's
     * parameter gradients, adds into the target embedding's gradient, and leaves dL/dh in
     * {@link #dAnnotations} and dL/ds_0 in {@link #dInitialState}.
     *
     * @param dFeatures dL/d of the features; overwritten
     * @param dGuide    [N, S] the guided-alignment loss's gradient with respect to the attention
     *                  energies of each packed position ({@link AlignmentGuide}), or null
     */
    void backward(Features dFeatures, INDArray dGuide);

    /** [B, S, 2H] dL/dh_j of the last {@link #backward}, in the packing's sorted row order. */
    INDArray dAnnotations();

    /** [B, D] dL/ds_0 of the last {@link #backward}. */
    INDArray dInitialState();

    /**
     * One inference step for N hypotheses, without dropout.
     *
     * @param enc        N rows, one per hypothesis
     * @param prevState  [N, D] s_{i-1}
     * @param prevTokens [N] y_{i-1}
     * @return the features (the state s_i fresh, the other pieces buffers valid until the next
     * step) and the attention weights (fresh)
     */
    StepResult step(EncoderState enc, INDArray prevState, int[] prevTokens);

    /**
     * One inference step's outputs.
     *
     * @param features the features; {@code features.states()} is the new state s_i [N, D]
     * @param weights  [N, S] the attention weights alpha_i
     */
    record StepResult(Features features, INDArray weights) {}
}
