package org.jnmt.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jnmt.data.SpecialTokens;
import org.jnmt.model.DecoderStep;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class SearchTest {

    private static final int VOCAB = 12;

    /** Pads raw sources [count][len] into one batch, as the batcher would. */
    private static int[][] pad(int[][] sources, int[] lengths) {
        int width = 0;
        for (int i = 0; i < sources.length; i++) {
            lengths[i] = sources[i].length;
            width = Math.max(width, sources[i].length);
        }
        int[][] out = new int[sources.length][width];
        for (int i = 0; i < sources.length; i++) {
            System.arraycopy(sources[i], 0, out[i], 0, sources[i].length);
        }
        return out;
    }

    private static List<List<Hypothesis>> beam(int[][] sources, int k, int nBest) {
        int[] lengths = new int[sources.length];
        int[][] src = pad(sources, lengths);
        return new BeamSearch<>(new ToySearchModel(VOCAB, 3), new SearchOptions(k, 0.6, nBest, 1.5))
                .search(src, lengths);
    }

    @Test
    void beamOfOneEqualsGreedy() {
        int[][] sources = ToySearchModel.randomSources(20, 9, VOCAB, 1);
        int[] lengths = new int[sources.length];
        int[][] src = pad(sources, lengths);
        List<Hypothesis> greedy = new GreedySearch<>(new ToySearchModel(VOCAB, 3), new SearchOptions(1, 0.6, 1, 1.5))
                .search(src, lengths);
        List<List<Hypothesis>> beam = beam(sources, 1, 1);
        for (int i = 0; i < sources.length; i++) {
            Hypothesis g = greedy.get(i);
            Hypothesis b = beam.get(i).get(0);
            assertArrayEquals(g.tokens(), b.tokens(), "sentence " + i);
            assertEquals(g.logProb(), b.logProb(), 1e-6);
            assertEquals(g.attention().length, b.attention().length);
        }
    }

    @Test
    void beamResultDoesNotDependOnBatchSize() {
        int[][] sources = ToySearchModel.randomSources(32, 12, VOCAB, 2);
        List<List<Hypothesis>> together = beam(sources, 5, 3);
        for (int i = 0; i < sources.length; i++) {
            List<Hypothesis> alone = beam(new int[][] {sources[i]}, 5, 3).get(0);
            assertEquals(alone.size(), together.get(i).size());
            for (int h = 0; h < alone.size(); h++) {
                assertArrayEquals(alone.get(h).tokens(), together.get(i).get(h).tokens(), "sentence " + i);
                assertEquals(alone.get(h).score(), together.get(i).get(h).score(), 1e-9);
            }
        }
    }

    @Test
    void nBestIsSortedAndAttentionCoversTheSource() {
        int[][] sources = ToySearchModel.randomSources(10, 8, VOCAB, 4);
        List<List<Hypothesis>> result = beam(sources, 4, 4);
        for (int i = 0; i < sources.length; i++) {
            List<Hypothesis> list = result.get(i);
            assertEquals(4, list.size());
            for (int h = 1; h < list.size(); h++) {
                assertTrue(list.get(h - 1).score() >= list.get(h).score());
            }
            for (Hypothesis hyp : list) {
                assertEquals(hyp.tokens().length, hyp.attention().length);
                for (float[] row : hyp.attention()) {
                    assertEquals(sources[i].length, row.length);
                }
                assertTrue(hyp.tokens().length <= new SearchOptions(4, 0.6, 4, 1.5).maxOutputLength(sources[i].length));
            }
        }
    }

    /**
     * Greedy takes A (p=0.6) and must then end with p(EOS)=0.3 (total 0.18); the beam keeps B
     * (p=0.4), after which EOS has p=0.99 (total 0.396) and wins.
     */
    @Test
    void beamFindsWhatGreedyMisses() {
        int a = 4;
        int b = 5;
        SearchModel<int[]> trap = new SearchModel<>() {
            @Override
            public int[] encode(int[][] src, int[] srcLengths) {
                return new int[src.length];
            }

            @Override
            public int[] select(int[] e, int[] rows) {
                return new int[rows.length];
            }

            @Override
            public INDArray initialState(int[] e) {
                return Nd4j.zeros(DataType.FLOAT, e.length, 1);
            }

            @Override
            public DecoderStep step(int[] e, INDArray state, int[] prev) {
                float[][] p = new float[prev.length][6];
                for (int r = 0; r < prev.length; r++) {
                    Arrays.fill(p[r], 1e-6f);
                    if (prev[r] == SpecialTokens.BOS) {
                        p[r][a] = 0.6f;
                        p[r][b] = 0.4f;
                    } else if (prev[r] == a) {
                        p[r][SpecialTokens.EOS] = 0.3f;
                        p[r][a] = 0.35f;
                        p[r][b] = 0.35f;
                    } else {
                        p[r][SpecialTokens.EOS] = 0.99f;
                    }
                }
                INDArray probs = Nd4j.create(p);
                return new DecoderStep(Transforms.log(probs), state, Nd4j.ones(prev.length, 1));
            }

            @Override
            public int targetVocabularySize() {
                return 6;
            }
        };
        int[][] src = {{7, SpecialTokens.EOS}};
        int[] lengths = {2};
        SearchOptions greedyOptions = new SearchOptions(1, 0.0, 1, 0.5);
        Hypothesis greedy =
                new GreedySearch<>(trap, greedyOptions).search(src, lengths).get(0);
        Hypothesis best = new BeamSearch<>(trap, new SearchOptions(2, 0.0, 1, 0.5))
                .search(src, lengths)
                .get(0)
                .get(0);
        assertEquals(a, greedy.tokens()[0]);
        assertArrayEquals(new int[] {b, SpecialTokens.EOS}, best.tokens());
        assertEquals(Math.log(0.4 * 0.99), best.logProb(), 1e-5);
        assertTrue(best.finished());
    }
}
