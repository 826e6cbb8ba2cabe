package org.jnmt.model;

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
 * target positions only.
 * <p>
 * Label smoothing follows JoeyNMT: with smoothing eps the target distribution gives 1 - eps to the
 * reference token, eps / (V - 2) to every other token except PAD, and 0 to PAD.
 * Sizes: N packed positions, F features, R readout size, V vocabulary.
 */
final class OutputLayer {

    private final Readout readout;
    private final Parameter readoutWeights; // [F, R] (tanh) or [F, 2R] (maxout); null without readout
    private final Parameter readoutBias;    // [R] or [2R]
    private final Parameter outWeights;     // [R or F, V]; null when tied
    private final Parameter outBias;        // [V]
    private final Parameter tiedEmbedding;  // E_t [V, E] when tied, else null
    private final int vocab;
    private final int readoutSize;
    private final Scratch preBuffer;
    private final Scratch activationBuffer;
    private final Scratch winnerBuffer;
    private final Scratch logitBuffer;
    private final Scratch rowBuffer;
    private final Scratch dActivationBuffer;
    private final Scratch dPreBuffer;

    private INDArray features;    // [N, F]
    private INDArray activations; // [N, R] the readout's output t (the features themselves without readout)
    private INDArray winners;     // [N, R] maxout: 1 where the first piece won
    private INDArray probs;       // [N, V] softmax, then dL/dlogits
    private int[] targets;        // [N]
    private double smoothing;

    OutputLayer(ParameterSet params, int featureSize, int vocab, Readout readout, int readoutSize,
                Parameter tiedEmbedding) {
        this.readout = readout;
        this.vocab = vocab;
        this.readoutSize = readoutSize;
        int pieces = readout == Readout.MAXOUT ? 2 : 1;
        this.readoutWeights = readout == Readout.NONE ? null : params.add("readout.W", featureSize, (long) pieces * readoutSize);
        this.readoutBias = readout == Readout.NONE ? null : params.add("readout.b", (long) pieces * readoutSize);
        int projected = readout == Readout.NONE ? featureSize : readoutSize;
        this.tiedEmbedding = tiedEmbedding;
        this.outWeights = tiedEmbedding == null ? params.add("out.W", projected, vocab) : null;
        this.outBias = params.add("out.b", vocab);
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
     * @param features [N, F] (kept, not copied, until the backward pass)
     * @param targets  [N] the reference tokens y_i
     */
    LossSums forward(INDArray features, int[] targets, double smoothing, boolean forTraining) {
        int n = targets.length;
        this.features = features;
        this.targets = targets;
        this.smoothing = smoothing;
        INDArray logits = logitBuffer.shaped(n, vocab);
        project(readoutForward(features), logits);
        INDArray rows = rowBuffer.shaped(n, 1);
        INDArray rowVector = Views.reshape(rows, n);
        Ops.max(logits, rowVector, 1);
        logits.subiColumnVector(rows);
        double[] reference = RowOps.pick(logits, targets);
        double[] padding = null;
        double[] total = null;
        if (smoothing > 0) {
            padding = RowOps.pick(logits, new int[n]);
            Ops.sum(logits, rowVector, 1);
            total = rowVector.toDoubleVector();
        }
        Ops.exp(logits);
        Ops.sum(logits, rowVector, 1);
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
            logits.diviColumnVector(rows);
            probs = logits;
        }
        return new LossSums(loss, nll);
    }

    /**
     * Backpropagates the loss of the last training {@link #forward}, times {@code scale} (1/N for
     * the mean): overwrites the gradients of the readout and output layer (adds into the tied
     * embedding's).
     *
     * @param dFeatures [N, F] output: d(scale * loss)/d features
     */
    void backward(INDArray dFeatures, double scale) {
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
        INDArray dActivations = readout == Readout.NONE ? dFeatures : dActivationBuffer.shaped(n, readoutSize);
        if (tiedEmbedding != null) {
            Ops.gemm(probs, activations, tiedEmbedding.grad(), true, false, scale, 1.0);
            Ops.gemm(probs, tiedEmbedding.value(), dActivations, false, false, scale, 0.0);
        } else {
            Ops.gemm(activations, probs, outWeights.grad(), true, false, scale, 0.0);
            Ops.gemm(probs, outWeights.value(), dActivations, false, true, scale, 0.0);
        }
        if (readout == Readout.NONE) {
            return;
        }
        INDArray dPre;
        if (readout == Readout.TANH) {
            dPre = dActivations;
            INDArray slope = dPreBuffer.shaped(n, readoutSize);
            Ops.tanhDerivative(activations, slope);
            Ops.mul(dPre, slope, dPre);
        } else {
            dPre = dPreBuffer.shaped(n, 2L * readoutSize);
            INDArray first = Views.columns(dPre, 0, readoutSize);
            Ops.mul(dActivations, winners, first);
            Ops.sub(dActivations, first, Views.columns(dPre, readoutSize, readoutSize));
        }
        Ops.gemm(features, dPre, readoutWeights.grad(), true, false, 1.0, 0.0);
        Ops.columnSums(dPre, readoutBias.grad());
        Ops.gemm(dPre, readoutWeights.value(), dFeatures, false, true, 1.0, 0.0);
    }

    /**
     * Inference: log p(w | ...) for every word.
     *
     * @param features [N, F]
     * @return [N, V] log-softmax (fresh)
     */
    INDArray logProbabilities(INDArray features) {
        INDArray logits = Nd4j.create(features.dataType(), features.size(0), vocab);
        project(readoutForward(features), logits);
        Nd4j.exec(new LogSoftMax(logits, logits));
        return logits;
    }

    /** The readout's output t for the features (the features themselves without readout): [N, R or F]. */
    private INDArray readoutForward(INDArray x) {
        if (readout == Readout.NONE) {
            activations = x;
            return x;
        }
        long n = x.size(0);
        if (readout == Readout.TANH) {
            activations = activationBuffer.shaped(n, readoutSize);
            Ops.matmul(x, readoutWeights.value(), activations);
            activations.addiRowVector(readoutBias.value());
            Ops.tanh(activations);
            return activations;
        }
        INDArray pre = preBuffer.shaped(n, 2L * readoutSize);
        Ops.matmul(x, readoutWeights.value(), pre);
        pre.addiRowVector(readoutBias.value());
        INDArray first = Views.columns(pre, 0, readoutSize);
        INDArray second = Views.columns(pre, readoutSize, readoutSize);
        activations = activationBuffer.shaped(n, readoutSize);
        Nd4j.exec(new Max(first, second, activations));
        winners = winnerBuffer.shaped(n, readoutSize);
        Ops.sub(first, second, winners);
        Nd4j.exec(new Step(winners, winners, 0.0));
        return activations;
    }

    /** logits = t W_out + b_out (or t E_t^T + b_out when tied): [N, V]. */
    private void project(INDArray t, INDArray logits) {
        if (tiedEmbedding != null) {
            Ops.gemm(t, tiedEmbedding.value(), logits, false, true, 1.0, 0.0);
        } else {
            Ops.matmul(t, outWeights.value(), logits);
        }
        logits.addiRowVector(outBias.value());
    }

    /**
     * Sums over the positions of one forward pass.
     *
     * @param loss the training loss (label-smoothed when smoothing was asked for)
     * @param nll  the plain negative log-likelihood of the references
     */
    record LossSums(double loss, double nll) {
    }
}
