package org.jnmt.model;

import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The additive attention of Bahdanau et al. (2015), eqs. (5)-(6) and appendix A.1.2:
 * {@code e_ij = v^T tanh(W_a s_{i-1} + U_a h_j)}, {@code alpha_ij = softmax_j(e_ij)} over the real
 * source positions, {@code c_i = sum_j alpha_ij h_j}. The keys {@code U_a h_j} are computed once
 * per batch ({@link #keys}). The softmax runs over each row's real source positions only: padded
 * positions get a weight of exactly zero and no gradient. The softmax and its backward pass are
 * small ([n, S]) and run as Java loops, cheaper there than a chain of ND4J ops.
 * <p>
 * The backward pass recomputes {@code tanh(W_a s + U_a h_j)} from the projected query instead of
 * keeping it from the forward pass: kept for every target step of a batch it is [steps, S, A]
 * floats, 400 MB for 64 sentences of 80 pieces, and recomputing it costs one add and one tanh a
 * step.
 * <p>
 * Sizes: n queries (packed rows), S source positions, D decoder state, 2H annotation, A attention.
 */
final class Attention {

    private final Parameter queryWeights; // W_a [D, A]
    private final Parameter keyWeights; // U_a [2H, A]
    private final Parameter energyWeights; // v [A, 1]
    private final int attn;
    private final Scratch keysBuffer;
    private final Scratch hiddenBuffer;
    private final Scratch dWeights;
    private final Scratch dEnergiesBuffer;
    private final Scratch dHidden;
    private final Scratch tanhSlope;

    Attention(ParameterSet params, int decHidden, int annotation, int attn) {
        this.queryWeights = params.add("att.W_a", decHidden, attn);
        this.keyWeights = params.add("att.U_a", annotation, attn);
        this.energyWeights = params.add("att.v", attn, 1);
        this.attn = attn;
        this.keysBuffer = new Scratch(params.dataType());
        this.hiddenBuffer = new Scratch(params.dataType());
        this.dWeights = new Scratch(params.dataType());
        this.dEnergiesBuffer = new Scratch(params.dataType());
        this.dHidden = new Scratch(params.dataType());
        this.tanhSlope = new Scratch(params.dataType());
    }

    /**
     * The keys {@code U_a h_j} of every annotation of a batch.
     *
     * @param annotations [B, S, 2H]
     * @return [B, S, A] (fresh when {@code fresh}, else a buffer valid until the next call)
     */
    INDArray keys(INDArray annotations, boolean fresh) {
        long[] shape = {annotations.size(0), annotations.size(1), attn};
        INDArray keys = fresh ? Nd4j.create(annotations.dataType(), shape) : keysBuffer.shaped(shape);
        long rows = annotations.size(0) * annotations.size(1);
        Ops.matmul(
                Views.reshape(annotations, rows, annotations.size(2)),
                keyWeights.value(),
                Views.reshape(keys, rows, attn));
        return keys;
    }

    /**
     * The backward pass of {@link #keys}: overwrites the gradient of U_a with {@code h^T dKeys} and
     * adds {@code dKeys U_a^T} to dAnnotations.
     *
     * @param annotations  [B, S, 2H]
     * @param dKeys        [B, S, A]
     * @param dAnnotations [B, S, 2H], accumulated into
     */
    void keysBackward(INDArray annotations, INDArray dKeys, INDArray dAnnotations) {
        long rows = annotations.size(0) * annotations.size(1);
        INDArray h = Views.reshape(annotations, rows, annotations.size(2));
        INDArray dk = Views.reshape(dKeys, rows, attn);
        Ops.gemm(h, dk, keyWeights.grad(), true, false, 1.0, 0.0);
        Ops.gemm(dk, keyWeights.value(), Views.reshape(dAnnotations, rows, annotations.size(2)), false, true, 1.0, 1.0);
    }

    /**
     * One attention step for n queries.
     *
     * @param state    [n, D] the queries (the previous decoder states s_{i-1})
     * @param keys     [n, S, A] U_a h_j of each query's sentence
     * @param values   [n, S, 2H] the annotations h_j
     * @param lengths  the real source length of each query's sentence (the first n entries are used)
     * @param query    [n, A] output: W_a s, kept for the backward pass
     * @param weights  [n, S] output: alpha (exactly 0 at padded positions)
     * @param context  [n, 2H] output: c
     */
    void forward(
            INDArray state,
            INDArray keys,
            INDArray values,
            int[] lengths,
            INDArray query,
            INDArray weights,
            INDArray context) {
        long n = state.size(0);
        long s = keys.size(1);
        assert entryShapes(state, keys, values, lengths, query, weights, context);
        Ops.matmul(state, queryWeights.value(), query);
        INDArray hidden = hidden(query, keys);
        Ops.matmul(Views.reshape(hidden, n * s, attn), energyWeights.value(), Views.reshape(weights, n * s, 1));
        maskedSoftmax(weights, lengths);
        Ops.batchedMatmul(Views.reshape(weights, n, 1, s), values, Views.reshape(context, n, 1, values.size(2)), 0.0);
    }

    /** [n, S, A] tanh(W_a s + U_a h_j) from the projected queries, in a buffer valid until the next call. */
    private INDArray hidden(INDArray query, INDArray keys) {
        long n = query.size(0);
        INDArray hidden = hiddenBuffer.shaped(n, keys.size(1), attn);
        Ops.add(keys, Views.reshape(query, n, 1, attn), hidden);
        Ops.tanh(hidden);
        return hidden;
    }

    /** Starts the backward pass of a batch: the gradient of v is summed over its steps. */
    void beginBackward() {
        energyWeights.grad().assign(0);
    }

    /**
     * The backward pass of one {@link #forward} step; adds the step's part of the gradient of v.
     *
     * @param dContext     [n, 2H] dL/dc
     * @param values       [n, S, 2H]
     * @param keys         [n, S, A] as given to forward
     * @param query        [n, A] from forward
     * @param weights      [n, S] from forward
     * @param dValues      [n, S, 2H] accumulated into: alpha_ij dL/dc_i
     * @param dKeys        [n, S, A] accumulated into
     * @param dQueries     [n, A] output: dL/d(W_a s); the caller adds {@code dQueries W_a^T} to dL/ds
     * @param dGuide       [n, S] a loss's own gradient with respect to the energies, added to theirs
     *                     (see {@link AlignmentGuide}), or null
     */
    void backward(
            INDArray dContext,
            INDArray values,
            INDArray keys,
            INDArray query,
            INDArray weights,
            INDArray dValues,
            INDArray dKeys,
            INDArray dQueries,
            INDArray dGuide) {
        long n = weights.size(0);
        long s = weights.size(1);
        long width = values.size(2);
        INDArray dAlpha = dWeights.shaped(n, s);
        Ops.batchedMatmul(values, Views.reshape(dContext, n, width, 1), Views.reshape(dAlpha, n, s, 1), 0.0);
        Ops.batchedMatmul(Views.reshape(weights, n, s, 1), Views.reshape(dContext, n, 1, width), dValues, 1.0);
        INDArray dEnergies = dEnergiesBuffer.shaped(n, s);
        softmaxBackward(weights, dAlpha, dEnergies);
        if (dGuide != null) {
            dEnergies.addi(dGuide);
        }
        INDArray hidden = hidden(query, keys);
        // dL/dv += hidden^T de
        Ops.gemm(
                Views.reshape(hidden, n * s, attn),
                Views.reshape(dEnergies, n * s, 1),
                energyWeights.grad(),
                true,
                false,
                1.0,
                1.0);
        // through v and the tanh: d(pre-activation) = de_j v (1 - hidden^2)
        INDArray dPre = dHidden.shaped(n, s, attn);
        Ops.gemm(
                Views.reshape(dEnergies, n * s, 1),
                energyWeights.value(),
                Views.reshape(dPre, n * s, attn),
                false,
                true,
                1.0,
                0.0);
        INDArray slope = tanhSlope.shaped(n, s, attn);
        Ops.tanhDerivative(hidden, slope);
        Ops.mul(dPre, slope, dPre);
        dKeys.addi(dPre);
        Ops.middleSums(dPre, dQueries);
    }

    /**
     * Overwrites the gradient of W_a from all packed steps at once.
     *
     * @param states    [N, D] the queries s_{i-1}
     * @param dQueries  [N, A]
     */
    void queryWeightGradient(INDArray states, INDArray dQueries) {
        Ops.gemm(states, dQueries, queryWeights.grad(), true, false, 1.0, 0.0);
    }

    /** The shapes {@link #forward} documents, for the assert at its entry; throws naming the first wrong one. */
    private boolean entryShapes(
            INDArray state,
            INDArray keys,
            INDArray values,
            int[] lengths,
            INDArray query,
            INDArray weights,
            INDArray context) {
        long n = state.size(0);
        long s = keys.size(1);
        long dec = queryWeights.value().size(0);
        long annotation = keyWeights.value().size(0);
        check("state", state, n, dec);
        check("keys", keys, n, s, attn);
        check("values", values, n, s, annotation);
        check("query", query, n, attn);
        check("weights", weights, n, s);
        check("context", context, n, annotation);
        if (lengths.length < n) {
            throw new AssertionError("attention: " + lengths.length + " source lengths for " + n + " queries");
        }
        return true;
    }

    private static void check(String name, INDArray array, long... dims) {
        if (!Shapes.is(array, dims)) {
            throw new AssertionError("attention: " + Shapes.mismatch(name, array, dims));
        }
    }

    /**
     * Adds the query's part of dL/ds: {@code dState += dQueries W_a^T}.
     *
     * @param dQueries [n, A] from {@link #backward}
     * @param dState   [n, D] accumulated into
     */
    void addQueryBackward(INDArray dQueries, INDArray dState) {
        Ops.gemm(dQueries, queryWeights.value(), dState, false, true, 1.0, 1.0);
    }

    /** In place, row by row: e [n, S] → softmax over the first {@code lengths[i]} columns, 0 after. */
    private static void maskedSoftmax(INDArray energies, int[] lengths) {
        Elements e = Elements.of(energies);
        int rows = Math.toIntExact(energies.size(0));
        int s = Math.toIntExact(energies.size(1));
        for (int i = 0; i < rows; i++) {
            int base = i * s;
            int len = lengths[i];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < len; j++) {
                max = Math.max(max, e.get(base + j));
            }
            double sum = 0;
            for (int j = 0; j < len; j++) {
                double x = Math.exp(e.get(base + j) - max);
                e.set(base + j, x);
                sum += x;
            }
            for (int j = 0; j < len; j++) {
                e.set(base + j, e.get(base + j) / sum);
            }
            for (int j = len; j < s; j++) {
                e.set(base + j, 0);
            }
        }
    }

    /** {@code de_j = alpha_j (dalpha_j - sum_k alpha_k dalpha_k)} row by row: all [n, S]. */
    private static void softmaxBackward(INDArray weights, INDArray dWeights, INDArray dEnergies) {
        Elements alpha = Elements.of(weights);
        Elements dAlpha = Elements.of(dWeights);
        Elements dE = Elements.of(dEnergies);
        int rows = Math.toIntExact(weights.size(0));
        int s = Math.toIntExact(weights.size(1));
        for (int i = 0; i < rows; i++) {
            int base = i * s;
            double dot = 0;
            for (int j = 0; j < s; j++) {
                dot += alpha.get(base + j) * dAlpha.get(base + j);
            }
            for (int j = 0; j < s; j++) {
                dE.set(base + j, alpha.get(base + j) * (dAlpha.get(base + j) - dot));
            }
        }
    }
}
