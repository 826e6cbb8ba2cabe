package org.jnmt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Row selection, the beam search's reordering of hypotheses, against ND4J's own row access. */
@ExtendWith(SingleThreadedNd4j.class)
class RowOpsTest {

    @Test
    void selectRowsCopiesRowsInTheGivenOrderWithRepeats() {
        INDArray a = Nd4j.arange(24).castTo(DataType.FLOAT).reshape(4, 6);
        int[] rows = {3, 0, 0, 2, 3};
        INDArray selected = RowOps.selectRows(a, rows);
        assertArrayEquals(new long[] {5, 6}, selected.shape());
        for (int i = 0; i < rows.length; i++) {
            assertEquals(a.getRow(rows[i]), selected.getRow(i), "row " + i);
        }
    }

    @Test
    void selectRowsKeepsTheTrailingShapeOfHigherRankArrays() {
        INDArray a = Nd4j.arange(2 * 3 * 4).castTo(DataType.DOUBLE).reshape(2, 3, 4); // [B, S, H]
        INDArray selected = RowOps.selectRows(a, new int[] {1, 1, 0});
        assertArrayEquals(new long[] {3, 3, 4}, selected.shape());
        assertEquals(a.slice(1), selected.slice(0));
        assertEquals(a.slice(1), selected.slice(1));
        assertEquals(a.slice(0), selected.slice(2));
    }

    @Test
    void selectRowsReadsAViewAtAnOffset() {
        INDArray whole = Nd4j.arange(30).castTo(DataType.FLOAT).reshape(5, 6);
        INDArray lowerRows = whole.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all()); // rows 2..4, offset 12
        INDArray selected = RowOps.selectRows(lowerRows, new int[] {2, 0});
        assertEquals(whole.getRow(4), selected.getRow(0));
        assertEquals(whole.getRow(2), selected.getRow(1));
    }
}
