package org.jnmt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The row-wise operations that avoid ND4J's per-shape offset tables, against ND4J's own axis
 * reductions and broadcasts: row counts below, at and past a block of rows, and a view at an
 * offset, as the scratch buffers hand out.
 */
@ExtendWith(SingleThreadedNd4j.class)
class OpsTest {

    private static final int COLUMNS = 7;

    @ParameterizedTest
    @ValueSource(ints = {1, 5, Ops.ROW_BLOCK, Ops.ROW_BLOCK + 3, 2 * Ops.ROW_BLOCK + 1})
    void rowWiseOperationsEqualNd4jsAxisOperations(int rows) {
        Nd4j.getRandom().setSeed(rows);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            // Relative to the largest sum: a float sum of 513 values of up to 5 in size is off by
            // 1e-4 absolute in one summation order against the other (CI saw 1.37e-4).
            double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-5;
            INDArray x = matrixAtAnOffset(type, rows);
            INDArray column = Nd4j.rand(type, rows).addi(0.5);
            INDArray row = Nd4j.rand(type, COLUMNS);

            INDArray sums = Nd4j.create(type, rows);
            Ops.rowSums(x, sums);
            assertClose(x.sum(1), sums, tolerance, "row sums");

            INDArray columnSums = Nd4j.create(type, COLUMNS);
            Ops.columnSums(x, columnSums);
            assertClose(x.sum(0), columnSums, tolerance, "column sums");

            INDArray maxima = Nd4j.create(type, rows);
            Ops.rowMax(x, maxima);
            assertEquals(x.max(1), maxima, "row maxima");

            INDArray shifted = x.dup();
            Ops.subtractColumn(shifted, column);
            assertEquals(x.subColumnVector(column.reshape(rows, 1)), shifted, "column subtracted");

            INDArray divided = x.dup();
            Ops.divideByColumn(divided, column);
            assertEquals(x.divColumnVector(column.reshape(rows, 1)), divided, "divided by the column");

            INDArray added = x.dup();
            Ops.broadcastRow(row, added, 1.0);
            assertEquals(x.addRowVector(row), added, "row added");
            INDArray set = x.dup();
            Ops.broadcastRow(row, set, 0.0);
            assertEquals(Nd4j.zeros(type, rows, COLUMNS).addRowVector(row), set, "row set");

            INDArray cube = Nd4j.rand(type, rows, 3, COLUMNS);
            INDArray middle = Nd4j.create(type, rows, COLUMNS);
            Ops.middleSums(cube, middle);
            assertClose(cube.sum(1), middle, tolerance, "sums over the middle axis");
        }
    }

    /** A [rows, COLUMNS] view that starts past the beginning of its buffer, filled with values of both signs. */
    private static INDArray matrixAtAnOffset(DataType type, int rows) {
        INDArray buffer = Nd4j.rand(type, (rows + 2) * COLUMNS).subi(0.5).muli(10);
        return Views.reshape(Views.segment(buffer, 2 * COLUMNS, (long) rows * COLUMNS), rows, COLUMNS);
    }

    /** The largest difference, relative to the largest expected magnitude (at least 1), within tolerance. */
    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(expected.length(), actual.length(), what);
        double worst = Nd4j.math()
                .abs(expected.reshape(actual.shape()).sub(actual))
                .maxNumber()
                .doubleValue();
        double scale = Math.max(1.0, expected.amaxNumber().doubleValue());
        assertEquals(0.0, worst / scale, tolerance, what);
    }
}
