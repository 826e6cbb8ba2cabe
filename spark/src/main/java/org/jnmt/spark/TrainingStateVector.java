package org.jnmt.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jnmt.model.ParameterSet;
import org.jnmt.train.AdamOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A replica's training state, its weights and Adam's moments (parameter order, then the first
 * moments, then the second), as one float vector: what model averaging moves between workers and
 * the driver ({@code INDArray} does not survive Kryo, and one array per replica keeps a round to
 * one object per task).
 */
final class TrainingStateVector {

    private TrainingStateVector() {}

    /** The state as one vector (a copy). */
    static float[] of(ParameterSet parameters, AdamOptimizer adam) {
        List<INDArray> arrays = arrays(parameters, adam);
        float[] vector = new float
                [Math.toIntExact(arrays.stream().mapToLong(INDArray::length).sum())];
        int offset = 0;
        for (INDArray array : arrays) {
            float[] values = array.ravel().toFloatVector();
            System.arraycopy(values, 0, vector, offset, values.length);
            offset += values.length;
        }
        return vector;
    }

    /**
     * Writes a vector made by {@link #of} into the weights and moments of a replica of the same
     * shape, whose optimiser then counts {@code adamSteps} updates (Adam's bias correction).
     */
    static void assign(float[] vector, ParameterSet parameters, AdamOptimizer adam, long adamSteps) {
        List<INDArray> arrays = arrays(parameters, adam);
        long length = arrays.stream().mapToLong(INDArray::length).sum();
        if (vector.length != length) {
            throw new IllegalArgumentException("a state of " + vector.length + " values for a model of " + length);
        }
        int offset = 0;
        for (INDArray array : arrays) {
            int size = Math.toIntExact(array.length());
            float[] values = Arrays.copyOfRange(vector, offset, offset + size);
            array.assign(Nd4j.createFromArray(values).reshape(array.shape()));
            offset += size;
        }
        adam.importState(adamSteps, adam.stateTensors());
    }

    private static List<INDArray> arrays(ParameterSet parameters, AdamOptimizer adam) {
        List<INDArray> arrays = new ArrayList<>();
        for (ParameterSet.Parameter parameter : parameters.all()) {
            arrays.add(parameter.value());
        }
        arrays.addAll(adam.stateTensors().values());
        return arrays;
    }
}
