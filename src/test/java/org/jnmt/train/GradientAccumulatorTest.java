package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jnmt.model.ParameterSet;
import org.jnmt.model.ParameterSet.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class GradientAccumulatorTest {

    @Test
    void anUpdateGetsTheMeanOfTheAccumulatedGradients() {
        ParameterSet params = new ParameterSet(DataType.DOUBLE);
        Parameter w = params.add("w", 2, 2);
        Parameter b = params.add("b", 3);
        GradientAccumulator accumulator = new GradientAccumulator(params);

        w.grad().assign(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}));
        b.grad().assign(Nd4j.createFromArray(1.0, 1.0, 1.0));
        accumulator.add();
        w.grad().assign(Nd4j.createFromArray(new double[][] {{3, 2}, {1, 0}})); // a second backward pass overwrites
        b.grad().assign(Nd4j.createFromArray(0.0, 2.0, 5.0));
        accumulator.add();
        accumulator.finish();
        assertArrayEquals(new double[] {2, 2, 2, 2}, w.grad().data().asDouble(), 1e-15);
        assertArrayEquals(new double[] {0.5, 1.5, 3.0}, b.grad().data().asDouble(), 1e-15);

        // After finish, the next update starts from nothing.
        b.grad().assign(Nd4j.createFromArray(4.0, 4.0, 4.0));
        accumulator.add();
        accumulator.finish();
        assertArrayEquals(new double[] {4, 4, 4}, b.grad().data().asDouble(), 1e-15);
    }
}
