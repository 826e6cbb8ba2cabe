package org.jnmt.model;

import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A word embedding table E [V, emb]: row lookups, and the scatter-add of their gradients. */
final class Embedding {

    private final Parameter table;

    Embedding(ParameterSet params, String name, int vocab, int dim) {
        this.table = params.add(name, vocab, dim);
    }

    Parameter parameter() {
        return table;
    }

    /**
     * {@code out[m] = E[ids[m]]}.
     *
     * @param out [M, emb]
     */
    void lookup(int[] ids, INDArray out) {
        long vocab = table.value().size(0);
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + vocab);
            }
        }
        RowOps.gather(table.value(), 0, ids, out, 0, table.value().size(1));
    }

    /**
     * Adds {@code dOut[m]} to the gradient row of {@code ids[m]} (the caller zeroes the gradient
     * once per batch).
     *
     * @param dOut [M, emb]
     */
    void accumulateGradient(int[] ids, INDArray dOut) {
        RowOps.scatterAdd(table.grad(), 0, ids, dOut, 0, table.value().size(1));
    }
}
