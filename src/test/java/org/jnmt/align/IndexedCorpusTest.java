package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexedCorpusTest {

    @Test
    void wordsGetIdsFromOneUpPerSide() {
        IndexedCorpus corpus = IndexedCorpus.of(List.of("a b a", "c"), List.of("x", "y x"), false);
        assertArrayEquals(new int[] {1, 2, 1}, corpus.sources()[0]);
        assertArrayEquals(new int[] {3}, corpus.sources()[1]);
        assertArrayEquals(new int[] {2, 1}, corpus.targets()[1]);
        assertEquals(4, corpus.sourceWordCount());
        assertEquals(3, corpus.targetWordCount());
    }

    @Test
    void lowercaseMergesCaseAndEveryWhitespaceSplits() {
        IndexedCorpus cased = IndexedCorpus.of(List.of("The the\u00a0THE"), List.of("x"), false);
        IndexedCorpus lowered = IndexedCorpus.of(List.of("The the\u00a0THE"), List.of("x"), true);
        assertArrayEquals(new int[] {1, 2, 3}, cased.sources()[0]);
        assertArrayEquals(new int[] {1, 1, 1}, lowered.sources()[0]);
    }

    @Test
    void reversedSwapsTheSides() {
        IndexedCorpus corpus =
                IndexedCorpus.of(List.of("a b"), List.of("x"), false).reversed();
        assertArrayEquals(new int[] {1}, corpus.sources()[0]);
        assertEquals(3, corpus.targetWordCount());
    }

    @Test
    void sidesMustHaveAsManyLines() {
        assertThrows(IllegalArgumentException.class, () -> IndexedCorpus.of(List.of("a"), List.of(), false));
    }
}
