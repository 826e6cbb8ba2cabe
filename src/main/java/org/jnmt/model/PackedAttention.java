package org.jnmt.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link Attention} of a decoder over the packed steps of a teacher-forced pass (step t's rows
 * are {@code packing.offset(t) ..}, its sentences the first {@code packing.count(t)} of the
 * batch), with the buffers that its backward pass needs, and over the hypotheses of an inference
 * step. Whatever queries it (s_{i-1} or a first GRU transition's state), the decoder hands over.
 * Sizes: B sentences, S source positions, N packed positions, 2H annotation, A attention.
 */
final class PackedAttention {

    private final Attention attention;
    private final int annotation;
    private final int attn;
    private final Scratch projectedQueriesBuffer;
    private final Scratch weightsBuffer;
    private final Scratch contextsBuffer;
    private final Scratch dQueriesBuffer;
    private final Scratch dKeysBuffer;
    private final Scratch dAnnotationsBuffer;
    private final Scratch stepQuery;

    private EncoderState encoder;
    private LengthPacking packing;
    private INDArray projectedQueries; // [N, A] W_a q
    private INDArray weights; // [N, S] alpha_i
    private INDArray contexts; // [N, 2H] c_i
    private INDArray dQueries; // [N, A]
    private INDArray dKeys; // [B, S, A]
    private INDArray dAnnotations; // [B, S, 2H]

    /** Adds the attention's parameters (att.*) to the set. */
    PackedAttention(ParameterSet params, int dec, int annotation, int attn) {
        this.attention = new Attention(params, dec, annotation, attn);
        this.annotation = annotation;
        this.attn = attn;
        DataType type = params.dataType();
        projectedQueriesBuffer = new Scratch(type);
        weightsBuffer = new Scratch(type);
        contextsBuffer = new Scratch(type);
        dQueriesBuffer = new Scratch(type);
        dKeysBuffer = new Scratch(type);
        dAnnotationsBuffer = new Scratch(type);
        stepQuery = new Scratch(type);
    }

    /** See {@link Attention#keys}. */
    INDArray keys(INDArray annotations, boolean fresh) {
        return attention.keys(annotations, fresh);
    }

    /** Starts a teacher-forced pass: sizes the buffers of all its packed steps. */
    void begin(EncoderState enc, LengthPacking packing) {
        this.encoder = enc;
        this.packing = packing;
        int n = packing.total();
        long s = enc.maxSrcLength();
        projectedQueries = projectedQueriesBuffer.shaped(n, attn);
        weights = weightsBuffer.shaped(n, s);
        contexts = contextsBuffer.shaped(n, annotation);
    }

    /**
     * Step t of the pass.
     *
     * @param queries [count(t), D] the states that query the attention
     * @return [count(t), 2H] the step's contexts (rows of {@link #contexts})
     */
    INDArray forward(int t, INDArray queries) {
        int o = packing.offset(t);
        int c = packing.count(t);
        INDArray ctx = Views.rows(contexts, o, c);
        attention.forward(
                queries,
                Views.rows(encoder.keys(), 0, c),
                Views.rows(encoder.annotations(), 0, c),
                encoder.lengths(),
                Views.rows(projectedQueries, o, c),
                Views.rows(weights, o, c),
                ctx);
        return ctx;
    }

    /** [N, S] the attention weights of every packed position of the pass. */
    INDArray weights() {
        return weights;
    }

    /** [N, 2H] the contexts of every packed position of the pass. */
    INDArray contexts() {
        return contexts;
    }

    /** Starts the pass's backward pass (its steps then go backwards, last first). */
    void beginBackward() {
        int n = packing.total();
        int b = packing.batchSize();
        long s = encoder.maxSrcLength();
        dQueries = dQueriesBuffer.shaped(n, attn);
        dKeys = dKeysBuffer.zeros(b, s, attn);
        dAnnotations = dAnnotationsBuffer.zeros(b, s, annotation);
        attention.beginBackward();
    }

    /**
     * The backward pass of step t.
     *
     * @param dContext [count(t), 2H] dL/dc_i
     * @param dQuery   [count(t), D] dL/d(the queries), accumulated into
     * @param dGuide   [N, S] the guided-alignment cost's gradient with respect to the energies of
     *                 every packed position ({@link AlignmentGuide}), or null
     */
    void backward(int t, INDArray dContext, INDArray dQuery, INDArray dGuide) {
        int o = packing.offset(t);
        int c = packing.count(t);
        INDArray dQ = Views.rows(dQueries, o, c);
        attention.backward(
                dContext,
                Views.rows(encoder.annotations(), 0, c),
                Views.rows(encoder.keys(), 0, c),
                Views.rows(projectedQueries, o, c),
                Views.rows(weights, o, c),
                Views.rows(dAnnotations, 0, c),
                Views.rows(dKeys, 0, c),
                dQ,
                dGuide == null ? null : Views.rows(dGuide, o, c));
        attention.addQueryBackward(dQ, dQuery);
    }

    /**
     * Ends the backward pass: overwrites the attention's parameter gradients and completes
     * {@link #dAnnotations}.
     *
     * @param states [N, D] the state that queried the attention at every packed position
     */
    void endBackward(INDArray states) {
        attention.queryWeightGradient(states, dQueries);
        attention.keysBackward(encoder.annotations(), dKeys, dAnnotations);
    }

    /** [B, S, 2H] dL/dh_j through the attention, after {@link #endBackward}. */
    INDArray dAnnotations() {
        return dAnnotations;
    }

    /**
     * One inference step for n hypotheses.
     *
     * @param queries [n, D]
     * @param context [n, 2H] output
     * @return [n, S] the attention weights (fresh)
     */
    INDArray step(EncoderState enc, INDArray queries, INDArray context) {
        int n = Math.toIntExact(queries.size(0));
        long s = enc.maxSrcLength();
        INDArray alpha = Nd4j.create(queries.dataType(), n, s);
        attention.forward(
                queries, enc.keys(), enc.annotations(), enc.lengths(), stepQuery.shaped(n, attn), alpha, context);
        return alpha;
    }
}
