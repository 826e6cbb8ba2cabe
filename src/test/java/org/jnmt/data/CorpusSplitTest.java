package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;

class CorpusSplitTest {

    @Test
    void drawsTheAskedSizesReproducibly() {
        CorpusSplit split = CorpusSplit.draw(10_000, 100, 50, 1234);
        Map<CorpusSplit.Part, Integer> sizes = new EnumMap<>(CorpusSplit.Part.class);
        StringBuilder signature = new StringBuilder();
        for (int i = 0; i < split.size(); i++) {
            sizes.merge(split.part(i), 1, Integer::sum);
            signature.append(split.part(i).ordinal());
        }
        assertEquals(
                Map.of(CorpusSplit.Part.TRAIN, 9_850, CorpusSplit.Part.DEV, 100, CorpusSplit.Part.TEST, 50), sizes);
        CorpusSplit again = CorpusSplit.draw(10_000, 100, 50, 1234);
        CorpusSplit other = CorpusSplit.draw(10_000, 100, 50, 99);
        StringBuilder same = new StringBuilder();
        StringBuilder different = new StringBuilder();
        for (int i = 0; i < split.size(); i++) {
            same.append(again.part(i).ordinal());
            different.append(other.part(i).ordinal());
        }
        assertEquals(signature.toString(), same.toString());
        assertNotEquals(signature.toString(), different.toString());
        // Drawn across the whole (length-sorted) file, not from one end: both halves get dev pairs.
        long devInFirstHalf = IntStream.range(0, 5000)
                .filter(i -> split.part(i) == CorpusSplit.Part.DEV)
                .count();
        assertEquals(true, devInFirstHalf > 20 && devInFirstHalf < 80);
    }

    @Test
    void refusesSplitsLargerThanTheCorpus() {
        assertThrows(NmtException.class, () -> CorpusSplit.draw(100, 60, 40, 1));
    }
}
