package org.jnmt.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The decoder's inputs {@code E y_{i-1}}: the target embedding looked up for the packed positions of
 * a training pass (with embedding dropout) or for the hypotheses of an inference step, and the
 * scatter-add of their gradient.
 */
final class TargetInputs {

    private final Embedding embedding;
    private final int emb;
    private final Scratch inputs;
    private final Scratch mask;
    private final Scratch stepInputs;

    private int[] ids; // [N] y_{i-1} of the last training pass
    private INDArray dropMask; // [N, E], or null without dropout

    TargetInputs(ParameterSet params, int tgtVocab, int emb) {
        this.embedding = new Embedding(params, "tgt.emb", tgtVocab, emb);
        this.emb = emb;
        DataType type = params.dataType();
        this.inputs = new Scratch(type);
        this.mask = new Scratch(type);
        this.stepInputs = new Scratch(type);
    }

    Embedding embedding() {
        return embedding;
    }

    /**
     * The inputs of a training pass, remembered for {@link #backward}.
     *
     * @param ids     [N] the packed decoder inputs y_{i-1}
     * @param dropout masks for the embedding dropout, or null for none
     * @return [N, E] (a buffer valid until the next call)
     */
    INDArray forward(int[] ids, Dropout dropout, double rate) {
        this.ids = ids;
        INDArray x = inputs.shaped(ids.length, emb);
        embedding.lookup(ids, x);
        dropMask = dropout == null ? null : dropout.mask(mask, rate, ids.length, emb);
        if (dropMask != null) {
            x.muli(dropMask);
        }
        return x;
    }

    /** [n, E] the inputs of one inference step (a buffer valid until the next step). */
    INDArray step(int[] prevTokens) {
        INDArray x = stepInputs.shaped(prevTokens.length, emb);
        embedding.lookup(prevTokens, x);
        return x;
    }

    /**
     * Adds dL/d(inputs) of the last {@link #forward} into the embedding's gradient.
     *
     * @param dInputs [N, E]; overwritten (masked)
     */
    void backward(INDArray dInputs) {
        if (dropMask != null) {
            dInputs.muli(dropMask);
        }
        embedding.accumulateGradient(ids, dInputs);
    }
}
