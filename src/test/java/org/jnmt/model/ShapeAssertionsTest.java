package org.jnmt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jnmt.config.Readout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shape asserts at the entry of the attention, the GRU cell and the output layer fire on a wrong
 * shape and name it (the build runs the tests with -ea; without it this test fails, as it should).
 * Sizes: n = 2 rows, S = 3 source positions, D = 4 decoder state, 2H = 6 annotation, A = 5 attention.
 */
@ExtendWith(SingleThreadedNd4j.class)
class ShapeAssertionsTest {

    private static INDArray zeros(long... shape) {
        return Nd4j.zeros(DataType.DOUBLE, shape);
    }

    @Test
    void attentionNamesTheInputOfTheWrongShape() {
        Attention attention = new Attention(new ParameterSet(DataType.DOUBLE), 4, 6, 5);
        int[] lengths = {3, 2};
        attention.forward(zeros(2, 4), zeros(2, 3, 5), zeros(2, 3, 6), lengths, zeros(2, 5), zeros(2, 3), zeros(2, 6));
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> attention.forward(
                        zeros(2, 4), zeros(2, 3, 5), zeros(2, 3, 4), lengths, zeros(2, 5), zeros(2, 3), zeros(2, 6)));
        assertEquals("attention: values has shape [2, 3, 4], expected [2, 3, 6]", e.getMessage());
        assertThrows(
                AssertionError.class,
                () -> attention.forward(
                        zeros(2, 4),
                        zeros(2, 3, 5),
                        zeros(2, 3, 6),
                        new int[] {3},
                        zeros(2, 5),
                        zeros(2, 3),
                        zeros(2, 6)));
    }

    @Test
    void gruCellNeedsEveryBlockLikeThePreviousState() {
        GateBlocks good = new GateBlocks(zeros(2, 4), zeros(2, 4), zeros(2, 4), zeros(2, 4));
        GruCell.forward(good, zeros(2, 4), zeros(2, 4));
        GateBlocks shortGate = new GateBlocks(zeros(2, 4), zeros(1, 4), zeros(2, 4), zeros(2, 4));
        AssertionError e =
                assertThrows(AssertionError.class, () -> GruCell.forward(shortGate, zeros(2, 4), zeros(2, 4)));
        assertEquals("GRU cell: z has shape [1, 4], expected [2, 4]", e.getMessage());
    }

    @Test
    void outputLayerChecksEachFeaturePiece() {
        OutputLayer output =
                new OutputLayer(new ParameterSet(DataType.DOUBLE), new long[] {4, 6, 3}, 7, Readout.NONE, 0, null);
        assertEquals(
                7,
                output.logProbabilities(new Features(zeros(2, 4), zeros(2, 6), zeros(2, 3)))
                        .size(1));
        AssertionError e = assertThrows(
                AssertionError.class,
                () -> output.logProbabilities(new Features(zeros(2, 4), zeros(2, 5), zeros(2, 3))));
        assertEquals("output layer: feature piece 1 has shape [2, 5], expected [2, 6]", e.getMessage());
        assertThrows(
                AssertionError.class,
                () -> output.forward(
                        new Features(zeros(2, 4), zeros(2, 6), zeros(2, 3)), new int[] {1, 2, 3}, 0.0, false));
    }
}
