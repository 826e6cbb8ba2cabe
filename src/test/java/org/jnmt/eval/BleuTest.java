package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed BLEU. Hypothesis "the cat sat on the mat" against "the cat is on the mat":
 * matches/totals are 5/6, 3/5, 1/4 and 0/3 for orders 1-4, both lengths are 6, so BP = 1.
 */
class BleuTest {

    private static final List<String> HYP = List.of("the cat sat on the mat");
    private static final List<List<String>> REF = List.of(List.of("the cat is on the mat"));
    private static final double DELTA = 1e-9;

    private static BleuScore score(SmoothingMethod method, Double value) {
        return new Bleu(BleuSettings.defaults().withSmoothing(method, value)).corpusScore(HYP, REF);
    }

    private static double geometricMean(double... precisions) {
        double product = 1;
        for (double p : precisions) {
            product *= p;
        }
        return Math.pow(product, 1.0 / precisions.length);
    }

    @Test
    void statisticsCountClippedMatches() {
        BleuStatistics stats =
                new Bleu(BleuSettings.defaults()).segmentStatistics(HYP.get(0), List.of("the cat is on the mat"));
        assertArrayEquals(new long[] {5, 3, 1, 0}, stats.matches());
        assertArrayEquals(new long[] {6, 5, 4, 3}, stats.totals());
        assertEquals(6, stats.hypothesisLength());
        assertEquals(6, stats.referenceLength());
    }

    @Test
    void expSmoothingHalvesTheFirstZeroPrecision() {
        // p4 = 1 / (2 * 3)
        BleuScore bleu = score(SmoothingMethod.EXP, null);
        assertEquals(geometricMean(500 / 6.0, 60, 25, 100 / 6.0), bleu.score(), DELTA);
        assertEquals("37.9918", ScoreFormat.scoreOnly(bleu, 4));
        assertEquals("83.3/60.0/25.0/16.7 (BP = 1.000 ratio = 1.000 hyp_len = 6 ref_len = 6)", bleu.verbose());
    }

    @Test
    void floorSmoothingReplacesZeroMatchesByTheValue() {
        // p4 = 0.1 / 3, then 0.5 / 3
        assertEquals(
                geometricMean(500 / 6.0, 60, 25, 10 / 3.0),
                score(SmoothingMethod.FLOOR, null).score(),
                DELTA);
        assertEquals("25.4066", ScoreFormat.scoreOnly(score(SmoothingMethod.FLOOR, null), 4));
        assertEquals(
                geometricMean(500 / 6.0, 60, 25, 50 / 3.0),
                score(SmoothingMethod.FLOOR, 0.5).score(),
                DELTA);
    }

    @Test
    void addKSmoothingAddsToOrdersAboveOne() {
        // k = 1: p2 = 4/6, p3 = 2/5, p4 = 1/4; k = 0.5: p2 = 3.5/5.5, p3 = 1.5/4.5, p4 = 0.5/3.5
        BleuScore addOne = score(SmoothingMethod.ADD_K, null);
        assertEquals(geometricMean(500 / 6.0, 400 / 6.0, 40, 25), addOne.score(), DELTA);
        assertEquals("48.5492", ScoreFormat.scoreOnly(addOne, 4));
        assertEquals("83.3/66.7/40.0/25.0", addOne.verbose().substring(0, 19));
        assertEquals(
                geometricMean(500 / 6.0, 350 / 5.5, 150 / 4.5, 50 / 3.5),
                score(SmoothingMethod.ADD_K, 0.5).score(),
                DELTA);
    }

    @Test
    void noSmoothingMakesAZeroPrecisionAZeroScore() {
        BleuScore none = score(SmoothingMethod.NONE, null);
        assertEquals(0.0, none.score(), 0.0);
        assertArrayEquals(new double[] {500 / 6.0, 60, 25, 0}, none.precisions(), DELTA);
    }

    @Test
    void effectiveOrderIgnoresOrdersTheHypothesisLacks() {
        List<String> hyp = List.of("the cat sat");
        List<List<String>> ref = List.of(List.of("the cat sat down"));
        BleuScore effective = new Bleu(BleuSettings.defaults().withEffectiveOrder(true)).corpusScore(hyp, ref);
        assertEquals(100 * Math.exp(1 - 4.0 / 3), effective.score(), DELTA);
        assertEquals(
                0.0, new Bleu(BleuSettings.defaults()).corpusScore(hyp, ref).score(), 0.0);
    }

    @Test
    void emptyHypothesisScoresZeroWithZeroBrevityPenalty() {
        BleuScore empty = new Bleu(BleuSettings.defaults()).corpusScore(List.of(""), List.of(List.of("a dog runs")));
        assertEquals(0.0, empty.score(), 0.0);
        assertEquals("0.0/0.0/0.0/0.0 (BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 3)", empty.verbose());
    }

    @Test
    void emptyReferenceIsKeptAsAnEmptySegment() {
        BleuScore score = new Bleu(BleuSettings.defaults())
                .corpusScore(List.of("a b", "c d e f"), List.of(List.of("", "c d e f")));
        assertEquals(4, score.referenceLength());
        assertEquals(6, score.hypothesisLength());
    }

    @Test
    void closestReferenceLengthPrefersTheShorterOnTies() {
        Bleu bleu = new Bleu(BleuSettings.defaults());
        assertEquals(
                2, bleu.segmentStatistics("a b c", List.of("a b c d", "a b")).referenceLength());
        assertEquals(
                4,
                bleu.segmentStatistics("a b c d e", List.of("a b", "a b c d", "x y z w v u t"))
                        .referenceLength());
    }

    @Test
    void matchesAreClippedByTheMostGenerousReference() {
        BleuStatistics stats =
                new Bleu(BleuSettings.defaults()).segmentStatistics("the the the", List.of("the cat", "the the dog"));
        assertEquals(2, stats.matches()[0]);
    }

    @Test
    void corpusBleuSumsStatisticsInsteadOfAveragingSentences() {
        Bleu bleu = new Bleu(BleuSettings.defaults());
        BleuScore corpus =
                bleu.corpusScore(List.of("a b c d", "e f g h i j"), List.of(List.of("a b c d", "e f x h i y")));
        BleuStatistics sum = bleu.segmentStatistics("a b c d", List.of("a b c d"));
        sum.add(bleu.segmentStatistics("e f g h i j", List.of("e f x h i y")));
        assertEquals(BleuScore.of(sum, bleu.settings()).score(), corpus.score(), 0.0);
        assertArrayEquals(new long[] {8, 5, 2, 1}, sum.matches());
    }

    @Test
    void lowercaseAndTokenizerSettingsApply() {
        Bleu lowercase = new Bleu(BleuSettings.defaults().withLowercase(true));
        assertEquals(
                100.0,
                lowercase
                        .corpusScore(List.of("The Cat sat on it."), List.of(List.of("the cat sat on it .")))
                        .score(),
                DELTA);
        Bleu none = new Bleu(BleuSettings.defaults().withTokenizer(TokenizerName.NONE));
        assertEquals(3, none.segmentStatistics("The cat sat.", List.of("x")).hypothesisLength());
    }

    @Test
    void signatureNamesTheSettings() {
        assertEquals(
                "nrefs:2|case:lc|eff:yes|tok:intl|smooth:add-k[1.00]|version:2.6.0",
                new Bleu(new BleuSettings(TokenizerName.INTL, true, SmoothingMethod.ADD_K, null, true))
                        .signature(2)
                        .format(false));
        assertEquals(
                "#:1|c:mixed|e:no|tok:13a|s:floor[0.25]|v:2.6.0",
                new Bleu(BleuSettings.defaults().withSmoothing(SmoothingMethod.FLOOR, 0.25))
                        .signature(1)
                        .format(true));
    }

    @Test
    void mismatchedReferenceSetIsAnError() {
        NmtException e = assertThrows(
                NmtException.class,
                () -> new Bleu(BleuSettings.defaults())
                        .corpusScore(List.of("a", "b"), List.of(List.of("a", "b"), List.of("a"))));
        assertEquals(
                "There are 2 hypotheses but reference set 2 has 1 segments; each needs one segment per hypothesis.",
                e.getMessage());
    }
}
