package org.jnmt.model;

import org.jnmt.config.Readout;
import org.jnmt.data.SpecialTokens;
import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.factory.Nd4j;

/**
 * From the features f = [s_i; c_i; E y_{i-1}] to the target vocabulary: the optional readout
 * ({@link Readout}), the projection {@code logits = t W_out + b_out} (or {@code t E_t^T + b_out}
 * with tied embeddings), and the cross-entropy loss with optional label smoothing, on packed real
 * target positions only. The features come as separate pieces (never concatenated): the first
 * layer multiplies each piece by its own rows of the weight matrix.
 * <p>
 * Label smoothing follows JoeyNMT: with smoothing eps the target distribution gives 1 - eps to the
 * reference token, eps / (V - 2) to every other token except PAD, and 0 to PAD.
 * Sizes: N packed positions, F features (the sum of the pieces' widths), R readout size, K readout
 * pieces (1 for tanh, 2 for maxout), V vocabulary.
 */
final class OutputLayer {

    private final Readout readout;
    private final Parameter readoutWeights; // [K, F, R]; null without readout
    private final Parameter readoutBias; // [K * R]
    private final Parameter outWeights; // [F or R, V]; null when tied
    private final Parameter outBias; // [V]
    private final Parameter tiedEmbedding; // E_t [V, E] when tied, else null
    private final int vocab;
    private final int readoutSize;
    private final int pieces;
    private final long[] featureWidths; // [p] the width F_p of feature piece p
    private final INDArray[][] firstBlocks; // [k][p] rows of the first layer's weights for feature piece p
    private final INDArray[][] firstGradBlocks;
    private final Scratch preBuffer;
    private final Scratch activationBuffer;
    private final Scratch winnerBuffer;
    private final Scratch logitBuffer;
    private final Scratch rowBuffer;
    private final Scratch dActivationBuffer;
    private final Scratch dPreBuffer;

    private Features features; // [N, F_p] each piece
    private INDArray activations; // [N, R] the readout's output t (null without readout)
    private INDArray pre; // [K, N, R] the readout's pre-activations
    private INDArray winners; // [N, R] maxout: 1 where piece 0 won, else 0
    private INDArray probs; // [N, V] softmax, then dL/dlogits
    private int[] targets; // [N]
    private double smoothing;

    /**
     * @param featureWidths the widths of the feature pieces, in {@link Features#piece} order
     * @param tiedEmbedding the target embedding to project with, or null for an own W_out
     */
    OutputLayer(
            ParameterSet params,
            long[] featureWidths,
            int vocab,
            Readout readout,
            int readoutSize,
            Parameter tiedEmbedding) {
        if (featureWidths.length != Features.PIECES) {
            throw new IllegalArgumentException(
                    featureWidths.length + " feature widths for " + Features.PIECES + " pieces");
        }
        long featureSize = 0;
        for (long width : featureWidths) {
            featureSize += width;
        }
        this.featureWidths = featureWidths.clone();
        this.readout = readout;
        this.vocab = vocab;
        this.readoutSize = readoutSize;
        this.pieces = readout == Readout.MAXOUT ? 2 : 1;
        this.readoutWeights =
                readout == Readout.NONE ? null : params.add("readout.W", pieces, featureSize, readoutSize);
        this.readoutBias = readout == Readout.NONE ? null : params.add("readout.b", (long) pieces * readoutSize);
        long projected = readout == Readout.NONE ? featureSize : readoutSize;
        this.tiedEmbedding = tiedEmbedding;
        this.outWeights = tiedEmbedding == null ? params.add("out.W", projected, vocab) : null;
        this.outBias = params.add("out.b", vocab);
        Parameter first = readout == Readout.NONE ? outWeights : readoutWeights;
        INDArray firstValue = asPlanes(first.value());
        INDArray firstGrad = asPlanes(first.grad());
        firstBlocks = new INDArray[pieces][Features.PIECES];
        firstGradBlocks = new INDArray[pieces][Features.PIECES];
        for (int k = 0; k < pieces; k++) {
            long row = 0;
            for (int p = 0; p < Features.PIECES; p++) {
                firstBlocks[k][p] = Views.planeRows(firstValue, k, row, featureWidths[p]);
                firstGradBlocks[k][p] = Views.planeRows(firstGrad, k, row, featureWidths[p]);
                row += featureWidths[p];
            }
        }
        DataType t = params.dataType();
        this.preBuffer = new Scratch(t);
        this.activationBuffer = new Scratch(t);
        this.winnerBuffer = new Scratch(t);
        this.logitBuffer = new Scratch(t);
        this.rowBuffer = new Scratch(t);
        this.dActivationBuffer = new Scratch(t);
        this.dPreBuffer = new Scratch(t);
    }

    /**
     * The loss of the packed positions. With {@code forTraining} it keeps what {@link #backward} needs.
     *
     * @param features the features, [N, F_p] each piece (kept, not copied, until the backward pass)
     * @param targets  [N] the reference tokens y_i
     */
    LossSums forward(Features features, int[] targets, double smoothing, boolean forTraining) {
        int n = targets.length;
        assert featuresFit(features, n);
        this.features = features;
        this.targets = targets;
        this.smoothing = smoothing;
        INDArray logits = logitBuffer.shaped(n, vocab);
        project(features, logits);
        INDArray rowVector = rowBuffer.shaped(n);
        Ops.rowMax(logits, rowVector);
        Ops.subtractColumn(logits, rowVector);
        double[] reference = RowOps.pick(logits, targets);
        double[] padding = null;
        double[] total = null;
        if (smoothing > 0) {
            padding = RowOps.pick(logits, new int[n]);
            Ops.rowSums(logits, rowVector);
            total = rowVector.toDoubleVector();
        }
        Ops.exp(logits);
        Ops.rowSums(logits, rowVector);
        double[] partition = rowVector.toDoubleVector();
        double nll = 0;
        double loss = 0;
        double spread = smoothing / (vocab - 2);
        for (int k = 0; k < n; k++) {
            double logZ = Math.log(partition[k]);
            double tokenNll = logZ - reference[k];
            nll += tokenNll;
            loss += (1 - smoothing) * tokenNll;
            if (smoothing > 0) {
                // sum over w not in {y, PAD} of -log p_w
                loss += spread * ((vocab - 2) * logZ - (total[k] - reference[k] - padding[k]));
            }
        }
        if (forTraining) {
            Ops.divideByColumn(logits, rowVector);
            probs = logits;
        }
        return new LossSums(loss, nll);
    }

    /**
     * Backpropagates the loss of the last training {@link #forward}, times {@code scale} (1/N for
     * the mean): overwrites the gradients of the readout and output layer (adds into the tied
     * embedding's).
     *
     * @param dFeatures output: d(scale * loss)/d of each feature piece, [N, F_p] each
     */
    void backward(Features dFeatures, double scale) {
        int n = targets.length;
        if (smoothing > 0) {
            double spread = smoothing / (vocab - 2);
            probs.subi(spread);
            Views.columns(probs, SpecialTokens.PAD, 1).addi(spread);
            RowOps.addAt(probs, targets, spread - (1 - smoothing));
        } else {
            RowOps.addAt(probs, targets, -1.0);
        }
        Ops.columnSums(probs, outBias.grad());
        outBias.grad().muli(scale);
        if (readout == Readout.NONE) {
            firstLayerBackward(0, features, probs, dFeatures, scale, 0.0);
            return;
        }
        INDArray dActivations = dActivationBuffer.shaped(n, readoutSize);
        if (tiedEmbedding != null) {
            Ops.gemm(probs, activations, tiedEmbedding.grad(), true, false, scale, 1.0);
            Ops.gemm(probs, tiedEmbedding.value(), dActivations, false, false, scale, 0.0);
        } else {
            Ops.gemm(activations, probs, outWeights.grad(), true, false, scale, 0.0);
            Ops.gemm(probs, outWeights.value(), dActivations, false, true, scale, 0.0);
        }
        INDArray dPre = dPreBuffer.shaped(pieces, n, readoutSize);
        INDArray dFirst = Views.planeRows(dPre, 0, 0, n);
        if (readout == Readout.TANH) {
            Ops.tanhDerivative(activations, dFirst);
            Ops.mul(dFirst, dActivations, dFirst);
        } else {
            Ops.mul(dActivations, winners, dFirst);
            Ops.sub(dActivations, dFirst, Views.planeRows(dPre, 1, 0, n));
        }
        for (int k = 0; k < pieces; k++) {
            INDArray d = Views.planeRows(dPre, k, 0, n);
            firstLayerBackward(k, features, d, dFeatures, 1.0, k == 0 ? 0.0 : 1.0);
            Ops.columnSums(d, Views.segment(readoutBias.grad(), (long) k * readoutSize, readoutSize));
        }
    }

    /**
     * Inference: log p(w | ...) for every word.
     *
     * @param features the features, [N, F_p] each piece
     * @return [N, V] log-softmax (fresh)
     */
    INDArray logProbabilities(Features features) {
        assert featuresFit(features, features.rows());
        INDArray logits = Nd4j.create(features.states().dataType(), features.rows(), vocab);
        project(features, logits);
        Nd4j.exec(new LogSoftMax(logits, logits));
        return logits;
    }

    /** logits [N, V] = t W_out + b_out (or t E_t^T + b_out), t the readout's output or the features. */
    private void project(Features x, INDArray logits) {
        if (readout == Readout.NONE) {
            firstLayer(0, x, logits);
        } else {
            INDArray t = readoutForward(x);
            if (tiedEmbedding != null) {
                Ops.gemm(t, tiedEmbedding.value(), logits, false, true, 1.0, 0.0);
            } else {
                Ops.matmul(t, outWeights.value(), logits);
            }
        }
        Ops.broadcastRow(outBias.value(), logits, 1.0);
    }

    /** The readout's output t [N, R]: tanh of one affine piece, or the maximum of two. */
    private INDArray readoutForward(Features x) {
        long n = x.rows();
        pre = preBuffer.shaped(pieces, n, readoutSize);
        for (int k = 0; k < pieces; k++) {
            INDArray p = Views.planeRows(pre, k, 0, n);
            firstLayer(k, x, p);
            Ops.broadcastRow(Views.segment(readoutBias.value(), (long) k * readoutSize, readoutSize), p, 1.0);
        }
        activations = activationBuffer.shaped(n, readoutSize);
        INDArray first = Views.planeRows(pre, 0, 0, n);
        if (readout == Readout.TANH) {
            Ops.tanh(first, activations);
        } else {
            INDArray second = Views.planeRows(pre, 1, 0, n);
            Nd4j.exec(new Max(first, second, activations));
            winners = winnerBuffer.shaped(n, readoutSize);
            Ops.sub(first, second, winners);
            Nd4j.exec(new Step(winners, winners, 0.0));
        }
        return activations;
    }

    /** out [N, M] = sum_p x_p W_k[rows of piece p], W_k [F, M] the first layer's weights (piece k). */
    private void firstLayer(int k, Features x, INDArray out) {
        for (int p = 0; p < Features.PIECES; p++) {
            Ops.gemm(x.piece(p), firstBlocks[k][p], out, false, false, 1.0, p == 0 ? 0.0 : 1.0);
        }
    }

    /**
     * The backward pass of {@link #firstLayer}: overwrites the gradient of W_k with
     * {@code scale x_p^T dOut} and sets {@code dx_p = scale dOut W_k,p^T + beta dx_p}.
     */
    private void firstLayerBackward(int k, Features x, INDArray dOut, Features dx, double scale, double beta) {
        for (int p = 0; p < Features.PIECES; p++) {
            Ops.gemm(x.piece(p), dOut, firstGradBlocks[k][p], true, false, scale, 0.0);
            Ops.gemm(dOut, firstBlocks[k][p], dx.piece(p), false, true, scale, beta);
        }
    }

    /** For the asserts at the entries: every piece is [n, F_p]; throws naming the first that is not. */
    private boolean featuresFit(Features x, long n) {
        for (int p = 0; p < Features.PIECES; p++) {
            if (!Shapes.is(x.piece(p), n, featureWidths[p])) {
                throw new AssertionError(
                        "output layer: " + Shapes.mismatch("feature piece " + p, x.piece(p), n, featureWidths[p]));
            }
        }
        return true;
    }

    /** A matrix [F, M] as one plane [1, F, M]; a [K, F, M] array as it is. */
    private static INDArray asPlanes(INDArray a) {
        return a.rank() == 3 ? a : Views.reshape(a, 1, a.size(0), a.size(1));
    }

    /**
     * Sums over the positions of one forward pass.
     *
     * @param loss the training loss (label-smoothed when smoothing was asked for)
     * @param nll  the plain negative log-likelihood of the references
     */
    record LossSums(double loss, double nll) {}
}
