package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.jnmt.config.BatchType;
import org.junit.jupiter.api.Test;

class BatcherTest {

    /** 1,003 pairs of random lengths; pair i's first source id is 4 + i, so rows can be traced back. */
    private static EncodedCorpus corpus() {
        Random random = new Random(3);
        EncodedCorpus.Builder builder = new EncodedCorpus.Builder();
        for (int i = 0; i < 1003; i++) {
            int[] src = new int[1 + 1 + random.nextInt(30)];
            int[] tgt = new int[1 + random.nextInt(30)];
            Arrays.fill(src, 9);
            Arrays.fill(tgt, 7);
            src[0] = 4 + i;
            src[src.length - 1] = SpecialTokens.EOS;
            tgt[tgt.length - 1] = SpecialTokens.EOS;
            builder.add(src, tgt);
        }
        return builder.build();
    }

    private static void assertEveryPairOnce(List<int[]> plan, int size) {
        int[] seen = new int[size];
        for (int[] batch : plan) {
            for (int pair : batch) {
                seen[pair]++;
            }
        }
        for (int i = 0; i < size; i++) {
            assertEquals(1, seen[i], "pair " + i);
        }
    }

    @Test
    void everyPairAppearsExactlyOncePerEpoch() {
        EncodedCorpus corpus = corpus();
        for (BatchType unit : BatchType.values()) {
            Batcher batcher = new Batcher(corpus, unit == BatchType.SENTENCES ? 16 : 200, unit, 42);
            for (int epoch = 0; epoch < 3; epoch++) {
                assertEveryPairOnce(batcher.plan(epoch), corpus.size());
            }
            assertEveryPairOnce(batcher.sortedPlan(), corpus.size());
        }
    }

    @Test
    void planIsAPureFunctionOfSeedAndEpoch() {
        EncodedCorpus corpus = corpus();
        List<int[]> a = new Batcher(corpus, 16, BatchType.SENTENCES, 42).plan(5);
        List<int[]> b = new Batcher(corpus, 16, BatchType.SENTENCES, 42).plan(5);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertNotEquals(flatten(a), flatten(new Batcher(corpus, 16, BatchType.SENTENCES, 42).plan(6)));
        assertNotEquals(flatten(a), flatten(new Batcher(corpus, 16, BatchType.SENTENCES, 43).plan(5)));
    }

    @Test
    void resumesAtAGivenBatch() {
        EncodedCorpus corpus = corpus();
        Batcher batcher = new Batcher(corpus, 16, BatchType.SENTENCES, 1);
        List<int[]> plan = batcher.plan(2);
        Iterator<Batch> resumed = batcher.epoch(2, 10);
        for (int k = 10; k < plan.size(); k++) {
            long[] expected = Arrays.stream(plan.get(k)).asLongStream().toArray();
            assertArrayEquals(expected, resumed.next().indices());
        }
        assertFalse(resumed.hasNext());
    }

    @Test
    void batchesRespectTheirSizeAndArePaddedAsDocumented() {
        EncodedCorpus corpus = corpus();
        Batcher bySentences = new Batcher(corpus, 16, BatchType.SENTENCES, 0);
        bySentences.plan(0).forEach(batch -> assertTrue(batch.length <= 16));
        Batcher byTokens = new Batcher(corpus, 200, BatchType.TOKENS, 0);
        Iterator<Batch> batches = byTokens.epoch(0, 0);
        while (batches.hasNext()) {
            Batch batch = batches.next();
            assertTrue(batch.size() == 1 || batch.size() * batch.maxTgtLength() <= 200);
            for (int r = 0; r < batch.size(); r++) {
                int pair = (int) batch.indices()[r];
                assertEquals(4 + pair, batch.src()[r][0]);
                assertEquals(corpus.sourceLength(pair), batch.srcLengths()[r]);
                assertEquals(corpus.targetLength(pair), batch.tgtLengths()[r]);
                assertEquals(SpecialTokens.EOS, batch.src()[r][batch.srcLengths()[r] - 1]);
                assertEquals(SpecialTokens.EOS, batch.tgt()[r][batch.tgtLengths()[r] - 1]);
                for (int t = batch.tgtLengths()[r]; t < batch.maxTgtLength(); t++) {
                    assertEquals(SpecialTokens.PAD, batch.tgt()[r][t]);
                }
                for (int s = batch.srcLengths()[r]; s < batch.maxSrcLength(); s++) {
                    assertEquals(SpecialTokens.PAD, batch.src()[r][s]);
                }
            }
        }
    }

    @Test
    void buildsSourceOnlyBatchesForTranslation() {
        Batch batch = Batcher.sourcesOnly(List.of(new int[] {5, 3}, new int[] {6, 7, 8, 3}), new long[] {4, 9});
        assertArrayEquals(new int[][] {{5, 3, 0, 0}, {6, 7, 8, 3}}, batch.src());
        assertArrayEquals(new int[] {2, 4}, batch.srcLengths());
        assertNull(batch.tgt());
        assertEquals(2, batch.size());
    }

    private static List<Integer> flatten(List<int[]> plan) {
        List<Integer> all = new ArrayList<>();
        plan.forEach(batch -> Arrays.stream(batch).forEach(all::add));
        return all;
    }
}
