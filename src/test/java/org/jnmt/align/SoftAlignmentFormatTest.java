package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftAlignmentFormatTest {

    @Test
    void writesMarianRows() {
        assertEquals("0.9,0.1 0.25,0.75 1,0", SoftAlignmentFormat.format(new double[][] {
            {0.9, 0.1}, {0.25, 0.75}, {1, 0}
        }));
        assertEquals("", SoftAlignmentFormat.format(new double[0][]));
    }

    @Test
    void keepsSixDecimalsWithoutTrailingZeros() {
        assertEquals("0.333333", SoftAlignmentFormat.weight(1.0 / 3));
        assertEquals("0.000123", SoftAlignmentFormat.weight(0.000123));
        assertEquals("0", SoftAlignmentFormat.weight(1e-9));
        assertEquals("0", SoftAlignmentFormat.weight(-1e-9));
        assertEquals("0.5", SoftAlignmentFormat.weight(0.5f));
    }
}
