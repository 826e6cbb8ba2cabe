package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed chrF. Hypothesis "ab" against "abc": orders 1 and 2 are shared (P = 2/2 and 1/1,
 * R = 2/3 and 1/2); order 3 exists only in the reference; orders 4-6 on neither side.
 */
class ChrfTest {

    private static final double DELTA = 1e-9;

    @Test
    void statisticsPerOrderAreHypothesisReferenceMatches() {
        long[] stats = new Chrf(ChrfSettings.defaults()).segmentStatistics("a b", List.of("abc"));
        assertArrayEquals(new long[] {2, 3, 2, 1, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, stats);
    }

    @Test
    void effectiveOrderAveragesPrecisionAndRecallOverSharedOrders() {
        // P = 1, R = (2/3 + 1/2) / 2 = 7/12, F2 = 5PR / (4P + R) = 7/11
        ChrfScore score = new Chrf(ChrfSettings.defaults()).corpusScore(List.of("ab"), List.of(List.of("abc")));
        assertEquals(100.0 * 7 / 11, score.score(), DELTA);
        assertEquals("chrF2", score.name());
    }

    @Test
    void epsSmoothingAveragesTheFScoresOfAllOrders() {
        // F per order: 5·1·(2/3)/(4 + 2/3) = 5/7, 5·1·(1/2)/(4.5) = 5/9, 0, then ε for orders 4-6
        ChrfSettings eps = new ChrfSettings(6, 0, 2, false, false, true);
        double expected = 100 * (5.0 / 7 + 5.0 / 9 + 3e-16) / 6;
        assertEquals(
                expected,
                new Chrf(eps)
                        .corpusScore(List.of("ab"), List.of(List.of("abc")))
                        .score(),
                DELTA);
        assertEquals(
                "nrefs:1|case:mixed|eff:no|nc:6|nw:0|space:no|version:2.6.0",
                new Chrf(eps).signature(1).format(false));
    }

    @Test
    void bestReferenceIsChosenPerSegment() {
        Chrf chrf = new Chrf(ChrfSettings.defaults());
        assertEquals(
                100.0,
                chrf.corpusScore(List.of("ab"), List.of(List.of("xyz"), List.of("ab")))
                        .score(),
                DELTA);
        assertEquals(100.0, chrf.sentenceScore("ab", List.of("ab", "xyz")).score(), DELTA);
    }

    @Test
    void whitespaceIsIgnoredUnlessAsked() {
        Chrf chrf = new Chrf(ChrfSettings.defaults());
        assertEquals(100.0, chrf.sentenceScore("a b\u00A0c", List.of("abc")).score(), DELTA);
        Chrf withSpace = new Chrf(new ChrfSettings(6, 0, 2, false, true, false));
        assertEquals(true, withSpace.sentenceScore("a b c", List.of("abc")).score() < 100.0);
    }

    @Test
    void chrfPlusPlusSplitsOnePunctuationCharacterOffWords() {
        assertEquals(
                List.of("(hi", ")", "you", ",", "'", "'", "x", "-", "y", "a.b"),
                Chrf.separatePunctuation("(hi) you, '' x -y a.b"));
        ChrfScore score = new Chrf(ChrfSettings.defaults().withWordOrder(2))
                .corpusScore(List.of("Hello, world!"), List.of(List.of("Hello, world!")));
        assertEquals("chrF2++", score.name());
        assertEquals(100.0, score.score(), DELTA);
    }

    @Test
    void emptyHypothesisScoresZero() {
        assertEquals(
                0.0,
                new Chrf(ChrfSettings.defaults())
                        .sentenceScore("", List.of("abc"))
                        .score(),
                0.0);
    }

    @Test
    void lowercaseApplies() {
        Chrf chrf = new Chrf(ChrfSettings.defaults().withLowercase(true));
        assertEquals(100.0, chrf.sentenceScore("ABC", List.of("abc")).score(), DELTA);
        assertEquals(
                "nrefs:3|case:lc|eff:yes|nc:6|nw:0|space:no|version:2.6.0",
                chrf.signature(3).format(false));
    }
}
