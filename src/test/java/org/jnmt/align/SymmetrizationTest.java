package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked examples; links are SOURCE-TARGET, forward from the src→tgt model (one link per
 * target word), backward from the tgt→src model (one per source word).
 */
class SymmetrizationTest {

    /*
     * forward {0-0 0-1 3-4}, backward {0-0 1-1 4-1}: intersection {0-0}. Growing, in order:
     * 0-1 (target 1 unaligned, next to 0-0) kept; 1-1 (source 1 unaligned, diagonal to 0-0) kept;
     * 3-4 and 4-1 have no kept neighbour. Final-and: 3-4 has both words unaligned, kept;
     * 4-1's target 1 is aligned, dropped (grow-diag-final, without "and", would keep it).
     */
    private static final List<Link> FORWARD = links("0-0 0-1 3-4");
    private static final List<Link> BACKWARD = links("0-0 1-1 4-1");

    @Test
    void intersectKeepsTheLinksBothDirectionsHave() {
        assertEquals(Set.copyOf(links("0-0")), Symmetrization.INTERSECT.apply(FORWARD, BACKWARD));
    }

    @Test
    void unionKeepsTheLinksOfEither() {
        assertEquals(Set.copyOf(links("0-0 0-1 1-1 3-4 4-1")), Symmetrization.UNION.apply(FORWARD, BACKWARD));
    }

    @Test
    void growDiagFinalAndGrowsNextToKeptLinksThenAddsLinksBetweenUnalignedWords() {
        assertEquals(Set.copyOf(links("0-0 0-1 1-1 3-4")), Symmetrization.GROW_DIAG_FINAL_AND.apply(FORWARD, BACKWARD));
    }

    /*
     * forward {0-0 1-1 2-2}, backward {1-2 2-2}: intersection {2-2}. Pass 1: 0-0 has no kept
     * neighbour yet; 1-1 (source 1 unaligned, diagonal to 2-2) kept; 1-2 now joins two aligned
     * words, not kept. Pass 2: 0-0 is diagonal to 1-1, kept. Final-and: 1-2 still joins aligned words.
     */
    @Test
    void growDiagFinalAndGrowsAlongTheDiagonalOverSeveralPasses() {
        List<Link> forward = links("0-0 1-1 2-2");
        List<Link> backward = links("1-2 2-2");
        assertEquals(Set.copyOf(links("0-0 1-1 2-2")), Symmetrization.GROW_DIAG_FINAL_AND.apply(forward, backward));
        assertEquals(Set.copyOf(links("2-2")), Symmetrization.INTERSECT.apply(forward, backward));
        assertEquals(Set.copyOf(links("0-0 1-1 1-2 2-2")), Symmetrization.UNION.apply(forward, backward));
    }

    /*
     * forward {0-1 1-0 2-2}, backward {0-0 1-1 2-2}: intersection {2-2}. Pass 1, in source-then-
     * target order: 0-0, 0-1 and 1-0 have no kept neighbour; 1-1 (source 1 unaligned, diagonal to
     * 2-2) kept. Pass 2: 0-0 (source 0 unaligned, diagonal to 1-1) kept, and after it 0-1 and 1-0
     * join two aligned words. atools visits the candidates in this order; an implementation that
     * grows outwards from each kept link in turn would reach 0-1 and 1-0 from 1-1 first instead.
     */
    @Test
    void growDiagFinalAndVisitsCandidatesInSourceThenTargetOrder() {
        assertEquals(
                Set.copyOf(links("0-0 1-1 2-2")),
                Symmetrization.GROW_DIAG_FINAL_AND.apply(links("0-1 1-0 2-2"), links("0-0 1-1 2-2")));
    }

    @Test
    void noLinksGiveNoLinks() {
        for (Symmetrization heuristic : Symmetrization.values()) {
            assertEquals(Set.of(), heuristic.apply(List.of(), List.of()));
        }
        assertEquals(Set.copyOf(links("1-2")), Symmetrization.GROW_DIAG_FINAL_AND.apply(List.of(), links("1-2")));
    }

    @Test
    void namesAreThoseOfMosesAndAtools() {
        assertEquals(
                "intersect union grow-diag-final-and",
                String.join(
                        " ",
                        List.of(Symmetrization.values()).stream()
                                .map(Symmetrization::toString)
                                .toList()));
    }

    private static List<Link> links(String pharaoh) {
        return PharaohFormat.parse(pharaoh, null, 1);
    }

    /**
     * The same example read from attention: the src→tgt matrix [5 target][5 source] has its row
     * maxima at FORWARD's links, the tgt→src matrix [5 source][5 target] at BACKWARD's links turned
     * round (4-1 is row 4, column 1). Were the backward links not turned round, they would read
     * 0-0 1-1 1-4, and every heuristic would give another set.
     */
    @Test
    void combinesTheAttentionOfBothModelsTheTgtToSrcLinksTurnedRound() {
        WordAttention forward = attention(5, 5, FORWARD, false);
        WordAttention backward = attention(5, 5, BACKWARD, true);
        assertEquals(FORWARD, forward.hardAlignment());
        assertEquals(BACKWARD, backward.invertedHardAlignment());
        for (Symmetrization heuristic : Symmetrization.values()) {
            assertEquals(heuristic.apply(FORWARD, BACKWARD), heuristic.apply(forward, backward), heuristic.toString());
        }
        assertEquals(Set.copyOf(links("0-0")), Symmetrization.INTERSECT.apply(forward, backward));
        assertEquals(Set.copyOf(links("0-0 0-1 1-1 3-4 4-1")), Symmetrization.UNION.apply(forward, backward));
        assertEquals(Set.copyOf(links("0-0 0-1 1-1 3-4")), Symmetrization.GROW_DIAG_FINAL_AND.apply(forward, backward));
    }

    /**
     * The same matrices averaged (0.7 at a row's peak, 0.075 elsewhere, rows without a link zero):
     * 0-0, where both directions peak, has 0.7; 0-1, 1-1 and 4-1, one direction's peak against the
     * other's 0.075, have 0.3875; 3-4 has 0.35, as the backward row of source 3 is empty; every
     * other cell 0.075 or less. Read by target rows (first source on a tie): 0-0 0-1 0-2 0-3 3-4;
     * by source columns: 0-0 1-1 2-0 3-4 4-1. Their intersection adds 3-4, which the backward
     * model never linked, to the 0-0 that intersecting each model's own links keeps. With a
     * threshold both readings keep the same cells: at 0.36, those that one direction peaks on
     * and the other does not leave empty.
     */
    @Test
    void theMeanOfBothDirectionsIsReadInBothOrientationsThenCombined() {
        WordAttention forward = attention(5, 5, FORWARD, false);
        WordAttention backward = attention(5, 5, BACKWARD, true);
        assertEquals(Set.copyOf(links("0-0 3-4")), Symmetrization.INTERSECT.applyToMean(forward, backward, 0));
        assertEquals(
                Set.copyOf(links("0-0 0-1 0-2 0-3 1-1 2-0 3-4 4-1")),
                Symmetrization.UNION.applyToMean(forward, backward, 0));
        for (Symmetrization heuristic : Symmetrization.values()) {
            assertEquals(
                    Set.copyOf(links("0-0 0-1 1-1 4-1")),
                    heuristic.applyToMean(forward, backward, 0.36),
                    heuristic.toString());
            assertEquals(Set.copyOf(links("0-0")), heuristic.applyToMean(forward, backward, 0.5), heuristic.toString());
        }
    }

    /**
     * A word-level attention matrix whose rows peak (0.7, the rest 0.1) at the given links; rows
     * without a link are zero. Rows are target words, or for {@code tgtToSrc} source words.
     */
    private static WordAttention attention(int rows, int columns, List<Link> links, boolean tgtToSrc) {
        double[][] weights = new double[rows][columns];
        for (Link link : links) {
            int row = tgtToSrc ? link.source() : link.target();
            int column = tgtToSrc ? link.target() : link.source();
            Arrays.fill(weights[row], 0.3 / (columns - 1));
            weights[row][column] = 0.7;
        }
        return WordAttention.ofWords(weights);
    }
}
