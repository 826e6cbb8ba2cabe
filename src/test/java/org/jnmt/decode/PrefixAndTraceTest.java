package org.jnmt.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jnmt.data.SpecialTokens;
import org.junit.jupiter.api.Test;

/** Prefix-constrained decoding, the beam trace, and the alternatives weighed at each step. */
class PrefixAndTraceTest {

    private static final int VOCAB = 12;
    private static final SearchOptions BEAM = new SearchOptions(4, 0.6, 4, 1.5);

    /** Random sources of 5 words and EOS (one length, so no padding). */
    private static int[][] sources(int count, long seed) {
        Random random = new Random(seed);
        int[][] out = new int[count][6];
        for (int[] row : out) {
            for (int j = 0; j < 5; j++) {
                row[j] = 4 + random.nextInt(VOCAB - 4);
            }
            row[5] = SpecialTokens.EOS;
        }
        return out;
    }

    private static int[] lengths(int[][] src) {
        int[] lengths = new int[src.length];
        Arrays.fill(lengths, src[0].length);
        return lengths;
    }

    @Test
    void everyHypothesisStartsWithItsPrefixAndUnconstrainedRowsAreUnchanged() {
        int[][] src = sources(6, 3);
        int[][] prefixes = {{7, 8}, null, {5}, null, {9, 9, 9}, {}};
        ToySearchModel model = new ToySearchModel(VOCAB, 3);
        List<List<Hypothesis>> free = new BeamSearch<>(model, BEAM).search(src, lengths(src));
        List<List<Hypothesis>> forced = new BeamSearch<>(model, BEAM).search(src, lengths(src), prefixes, null);
        List<Hypothesis> greedy =
                new GreedySearch<>(model, SearchOptions.greedy(1.5)).search(src, lengths(src), prefixes);
        for (int b = 0; b < src.length; b++) {
            int[] prefix = prefixes[b] == null ? new int[0] : prefixes[b];
            for (Hypothesis h : forced.get(b)) {
                assertArrayEquals(prefix, Arrays.copyOf(h.tokens(), prefix.length), "sentence " + b);
            }
            assertArrayEquals(prefix, Arrays.copyOf(greedy.get(b).tokens(), prefix.length), "greedy " + b);
            if (prefix.length == 0) {
                assertArrayEquals(
                        free.get(b).get(0).tokens(), forced.get(b).get(0).tokens(), "sentence " + b);
                assertEquals(free.get(b).get(0).score(), forced.get(b).get(0).score(), 1e-12);
            }
        }
    }

    @Test
    void theTraceLeavesTheResultAloneAndHoldsTheWinnersPath() {
        int[][] src = sources(5, 8);
        ToySearchModel model = new ToySearchModel(VOCAB, 3);
        List<List<Hypothesis>> plain = new BeamSearch<>(model, BEAM).search(src, lengths(src));
        BeamTrace trace = new BeamTrace(src.length);
        List<List<Hypothesis>> traced = new BeamSearch<>(model, BEAM).search(src, lengths(src), null, trace);
        for (int b = 0; b < src.length; b++) {
            Hypothesis best = traced.get(b).get(0);
            assertArrayEquals(plain.get(b).get(0).tokens(), best.tokens());
            assertEquals(plain.get(b).get(0).score(), best.score(), 0.0);
            Map<Integer, BeamTrace.Entry> byId = new HashMap<>();
            BeamTrace.Entry winner = null;
            List<List<BeamTrace.Entry>> steps = trace.steps(b);
            for (int s = 0; s < steps.size(); s++) {
                assertTrue(steps.get(s).size() <= 2 * BEAM.beamSize(), "at most K kept and K finished a step");
                for (BeamTrace.Entry e : steps.get(s)) {
                    byId.put(e.id(), e);
                    if (e.finished() && s + 1 == best.tokens().length && e.score() == best.score()) {
                        winner = e;
                    }
                }
            }
            assertNotNull(winner, "the best hypothesis finished at its last step");
            int[] path = new int[best.tokens().length];
            int position = path.length;
            for (BeamTrace.Entry e = winner; e != null; e = byId.get(e.parent())) {
                path[--position] = e.token();
            }
            assertEquals(0, position, "the parent links reach the start");
            assertArrayEquals(best.tokens(), path);
        }
    }

    @Test
    void alternativesAreADistributionWhoseTopIsTheGreedyChoice() {
        int[][] src = sources(1, 5);
        ToySearchModel model = new ToySearchModel(VOCAB, 3);
        Hypothesis greedy = new GreedySearch<>(model, SearchOptions.greedy(1.5))
                .search(src, lengths(src))
                .get(0);
        List<List<StepAlternatives.Candidate>> steps = StepAlternatives.of(model, src[0], greedy.tokens(), 5);
        assertEquals(greedy.tokens().length, steps.size());
        double logProb = 0;
        for (int t = 0; t < steps.size(); t++) {
            List<StepAlternatives.Candidate> candidates = steps.get(t);
            assertEquals(5, candidates.size());
            assertEquals(greedy.tokens()[t], candidates.get(0).token(), "step " + t);
            double total = 0;
            for (int i = 0; i < candidates.size(); i++) {
                total += candidates.get(i).probability();
                assertTrue(i == 0
                        || candidates.get(i).probability()
                                <= candidates.get(i - 1).probability());
                assertTrue(candidates.get(i).token() != SpecialTokens.PAD
                        && candidates.get(i).token() != SpecialTokens.BOS);
            }
            assertTrue(total <= 1 + 1e-6);
            logProb += Math.log(candidates.get(0).probability());
        }
        assertEquals(greedy.logProb(), logProb, 1e-5, "the chosen tokens' probabilities give the greedy log p");
    }
}
