package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are Python 3.11's output for the same values. */
class PythonFloatsTest {

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.1", PythonFloats.fixed(0.15, 1)); // 0.1499999999999999944...
        assertEquals("2.67", PythonFloats.fixed(2.675, 2)); // 2.67499999999999982...
        assertEquals("0.12", PythonFloats.fixed(0.125, 2)); // an exact tie: to even
        assertEquals("0.38", PythonFloats.fixed(0.375, 2));
        assertEquals("37.1035", PythonFloats.fixed(37.10355, 4)); // 37.1035499999...
        assertEquals("100.0", PythonFloats.fixed(100.0, 1));
        assertEquals("38", PythonFloats.fixed(37.9918, 0));
        assertEquals("-0.0", PythonFloats.fixed(-0.04, 1));
        assertEquals("0.000", PythonFloats.fixed(0, 3));
    }

    @Test
    void reprIsTheShortestRoundTrip() {
        assertEquals("37.1036", PythonFloats.repr(Double.parseDouble("37.1036")));
        assertEquals("37.0", PythonFloats.repr(37.0));
        assertEquals("0.30000000000000004", PythonFloats.repr(0.1 + 0.2));
        assertEquals("0.0001", PythonFloats.repr(0.0001));
        assertEquals("1e-05", PythonFloats.repr(1e-05));
        assertEquals("1.5e-07", PythonFloats.repr(1.5e-07));
        assertEquals("1000000000000000.0", PythonFloats.repr(1e15));
        assertEquals("1e+16", PythonFloats.repr(1e16));
        assertEquals("1.2345678901234568e+17", PythonFloats.repr(1.2345678901234568e17));
        assertEquals("5e-324", PythonFloats.repr(Double.MIN_VALUE));
        assertEquals("0.0", PythonFloats.repr(0.0));
    }
}
