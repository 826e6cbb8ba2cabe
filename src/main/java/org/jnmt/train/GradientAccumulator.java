package org.jnmt.train;

import java.util.ArrayList;
import java.util.List;
import org.jnmt.model.ParameterSet;
import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient accumulation ({@code training.accum_steps}): the gradients of several batches are summed
 * and their mean becomes one update, so that a process can train with the effective batch of many
 * (the large batch of N data-parallel workers, for comparison). Each backward pass overwrites the
 * parameters' gradients; this keeps the running sum beside them.
 */
final class GradientAccumulator {

    private final List<Parameter> parameters;
    private final List<INDArray> sums = new ArrayList<>();
    private int batches;

    GradientAccumulator(ParameterSet params) {
        this.parameters = params.all();
        for (Parameter p : parameters) {
            sums.add(Nd4j.zeros(p.grad().dataType(), p.grad().shape()));
        }
    }

    /** Adds the gradients of the batch just back-propagated. */
    void add() {
        for (int i = 0; i < parameters.size(); i++) {
            sums.get(i).addi(parameters.get(i).grad());
        }
        batches++;
    }

    /** Puts the mean of the added gradients into the parameters' gradients, and starts a new sum. */
    void finish() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).grad().assign(sums.get(i)).divi(batches);
            sums.get(i).assign(0);
        }
        batches = 0;
    }
}
