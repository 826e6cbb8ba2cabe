package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;

class CorpusSplitTest {

    @Test
    void drawsTheAskedSizesReproducibly() {
        CorpusSplit split = CorpusSplit.draw(10_000, 100, 50, 1234);
        Map<CorpusSplit.Part, Integer> sizes = new EnumMap<>(CorpusSplit.Part.class);
        List<CorpusSplit.Part> signature = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            sizes.merge(split.part(i), 1, Integer::sum);
            signature.add(split.part(i));
        }
        assertEquals(
                Map.of(CorpusSplit.Part.TRAIN, 9_850, CorpusSplit.Part.DEV, 100, CorpusSplit.Part.TEST, 50), sizes);
        CorpusSplit again = CorpusSplit.draw(10_000, 100, 50, 1234);
        CorpusSplit other = CorpusSplit.draw(10_000, 100, 50, 99);
        List<CorpusSplit.Part> same = new ArrayList<>();
        List<CorpusSplit.Part> different = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            same.add(again.part(i));
            different.add(other.part(i));
        }
        assertEquals(signature, same);
        assertNotEquals(signature, different);
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
