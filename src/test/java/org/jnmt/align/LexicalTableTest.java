package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalTableTest {

    private static final double EULER_GAMMA = 0.5772156649015329;

    @Test
    void digammaMatchesKnownValues() {
        assertEquals(-EULER_GAMMA, LexicalTable.digamma(1), 1e-12);
        assertEquals(-EULER_GAMMA - 2 * Math.log(2), LexicalTable.digamma(0.5), 1e-12);
        assertEquals(1 + 0.5 + 1.0 / 3 - EULER_GAMMA, LexicalTable.digamma(4), 1e-12);
        assertEquals(Math.log(1000) - 0.0005 - 1 / 12e6, LexicalTable.digamma(1000), 1e-12);
    }

    @Test
    void entriesAreTheWordsThatMeet() {
        IndexedCorpus corpus = IndexedCorpus.of(List.of("a b", "b c"), List.of("x y", "y z"), false);
        LexicalTable table = LexicalTable.cooccurrences(corpus);
        // a: x y; b: x y z; c: y z; NULL: x y z
        assertEquals(2 + 3 + 2 + 3, table.size());
        assertThrows(IllegalArgumentException.class, () -> table.entry(1, 3));
    }

    @Test
    void maximumLikelihoodRowsSumToOne() {
        LexicalTable table = LexicalTable.cooccurrences(IndexedCorpus.of(List.of("a b"), List.of("x y z"), false));
        table.addCount(table.entry(1, 1), 3);
        table.addCount(table.entry(1, 2), 1);
        table.normalize(0);
        assertEquals(0.75, table.probability(table.entry(1, 1)), 1e-15);
        assertEquals(0.25, table.probability(table.entry(1, 2)), 1e-15);
        assertEquals(0.0, table.probability(table.entry(1, 3)), 1e-15);
    }

    @Test
    void dirichletPriorShrinksRareRowsAndLeavesSubProbabilities() {
        LexicalTable table = LexicalTable.cooccurrences(IndexedCorpus.of(List.of("a b"), List.of("x y z"), false));
        table.addCount(table.entry(1, 1), 1);
        table.addCount(table.entry(2, 1), 100);
        table.normalize(0.01);
        double rare = table.probability(table.entry(1, 1));
        double frequent = table.probability(table.entry(2, 1));
        assertTrue(rare < frequent && frequent < 1, rare + " " + frequent);
        double rareRow = rare + table.probability(table.entry(1, 2)) + table.probability(table.entry(1, 3));
        assertTrue(rareRow < 1, "the variational estimate does not sum to 1: " + rareRow);
        assertEquals(Math.exp(LexicalTable.digamma(1.01) - LexicalTable.digamma(1.03)), rare, 1e-12);
    }
}
