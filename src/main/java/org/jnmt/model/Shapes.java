package org.jnmt.model;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shape checks for the {@code assert}s at the entry of the model's modules (attention, GRU cell,
 * output layer), as JoeyNMT checks the inputs of its modules: on in the tests (-ea), free in use.
 */
final class Shapes {

    private Shapes() {}

    /** True when {@code array} has exactly the dimensions {@code dims}. */
    static boolean is(INDArray array, long... dims) {
        return array != null && Arrays.equals(array.shape(), dims);
    }

    /** The assertion message: which array has which shape, and what was expected. */
    static String mismatch(String name, INDArray array, long... dims) {
        return name + " has shape " + (array == null ? "null" : Arrays.toString(array.shape())) + ", expected "
                + Arrays.toString(dims);
    }
}
