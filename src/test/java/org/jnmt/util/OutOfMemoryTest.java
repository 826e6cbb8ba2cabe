package org.jnmt.util;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutOfMemoryTest {

    @Test
    void javaCppsPhysicalLimitNamesNmtPhysical() {
        String advice = OutOfMemory.advice(
                new OutOfMemoryError(
                        "Cannot allocate new LongPointer(1): totalBytes = 0, "
                                + "physicalBytes = 858M\nPhysical memory usage is too high: physicalBytes (858M) > maxPhysicalBytes (768M)"));
        assertTrue(advice.startsWith("out of memory: the process reached its physical limit"), advice);
        assertTrue(advice.contains("raise NMT_PHYSICAL"), advice);
    }

    @Test
    void javaCppsOffHeapLimitNamesNmtOffheap() {
        String advice = OutOfMemory.advice(
                new OutOfMemoryError("Cannot allocate 1000 + 200 bytes (> maxBytes)" + " totalBytes = 500M"));
        assertTrue(advice.contains("raise NMT_OFFHEAP"), advice);
    }

    @Test
    void theJavaHeapNamesNmtHeap() {
        String advice = OutOfMemory.advice(new OutOfMemoryError("Java heap space"));
        assertTrue(advice.startsWith("out of Java heap memory (limit "), advice);
        assertTrue(advice.contains("raise NMT_HEAP"), advice);
        assertFalse(advice.contains("\n"), "one line");
    }
}
