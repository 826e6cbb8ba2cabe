package org.jnmt.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;
import org.jnmt.config.BatchType;
import org.jnmt.util.NmtException;

/**
 * Cuts an {@link EncodedCorpus} into padded {@link Batch}es. For training, an epoch's plan is
 * made like this: shuffle all pairs, take them in pools of about 100 batches, sort each pool by
 * (source length, target length) so that a batch holds sentences of similar length (little
 * padding), cut the pool into batches, and shuffle the batches. Every pair of the corpus is in
 * exactly one batch of each epoch, and the plan is a pure function of (seed, epoch): a trainer can
 * resume at batch k of epoch e by asking for {@code epoch(e, k)}. Batches are built lazily from
 * the corpus, one at a time.
 *
 * <p>A batch holds at most {@code batchSize} sentences, or, counted in tokens, at most
 * {@code batchSize} padded target tokens (rows × longest target, EOS included); a single pair
 * longer than that forms a batch of its own.
 */
public final class Batcher {

    private static final int POOL_BATCHES = 100;

    private final EncodedCorpus corpus;
    private final int batchSize;
    private final BatchType unit;
    private final long seed;

    public Batcher(EncodedCorpus corpus, int batchSize, BatchType unit, long seed) {
        if (batchSize < 1) {
            throw new NmtException("batch size must be at least 1, got " + batchSize);
        }
        this.corpus = corpus;
        this.batchSize = batchSize;
        this.unit = unit;
        this.seed = seed;
    }

    /** The batches of an epoch, each as the corpus indices of its pairs. */
    public List<int[]> plan(int epoch) {
        Random random = new Random(mix(seed, epoch));
        int n = corpus.size();
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int pool = poolSize();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < n; start += pool) {
            cut(sortByLength(Arrays.copyOfRange(order, start, Math.min(n, start + pool))), batches);
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** Batches of similar lengths in a fixed order, without shuffling (validation, scoring). */
    public List<int[]> sortedPlan() {
        List<int[]> batches = new ArrayList<>();
        cut(sortByLength(IntStream.range(0, corpus.size()).toArray()), batches);
        return batches;
    }

    /** The batches of an epoch from batch {@code first} on (0: the whole epoch), built on demand. */
    public Iterator<Batch> epoch(int epoch, int first) {
        List<int[]> plan = plan(epoch);
        if (first < 0 || first > plan.size()) {
            throw new IllegalArgumentException(
                    "epoch " + epoch + " has " + plan.size() + " batches, cannot start at " + first);
        }
        return new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return next < plan.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return build(plan.get(next++));
            }
        };
    }

    /** The padded batch of the given pairs, in the given order. */
    public Batch build(int[] pairs) {
        int b = pairs.length;
        int maxSrc = 0;
        int maxTgt = 0;
        for (int pair : pairs) {
            maxSrc = Math.max(maxSrc, corpus.sourceLength(pair));
            maxTgt = Math.max(maxTgt, corpus.targetLength(pair));
        }
        int[][] src = new int[b][maxSrc]; // [B][S], PAD = 0 after EOS
        int[][] tgt = new int[b][maxTgt]; // [B][T]
        int[] srcLengths = new int[b];
        int[] tgtLengths = new int[b];
        long[] indices = new long[b];
        for (int r = 0; r < b; r++) {
            corpus.copySource(pairs[r], src[r]);
            corpus.copyTarget(pairs[r], tgt[r]);
            srcLengths[r] = corpus.sourceLength(pairs[r]);
            tgtLengths[r] = corpus.targetLength(pairs[r]);
            indices[r] = pairs[r];
        }
        return new Batch(src, srcLengths, tgt, tgtLengths, indices);
    }

    /** A source-only batch for translation: rows already end with EOS; [B][S] padded with PAD. */
    public static Batch sourcesOnly(List<int[]> sources, long[] indices) {
        int maxSrc = sources.stream().mapToInt(row -> row.length).max().orElse(0);
        int[][] src = new int[sources.size()][maxSrc];
        int[] lengths = new int[sources.size()];
        for (int r = 0; r < sources.size(); r++) {
            System.arraycopy(sources.get(r), 0, src[r], 0, sources.get(r).length);
            lengths[r] = sources.get(r).length;
        }
        return new Batch(src, lengths, null, null, indices);
    }

    private int poolSize() {
        if (unit == BatchType.SENTENCES) {
            return (int) Math.min(Integer.MAX_VALUE, (long) batchSize * POOL_BATCHES);
        }
        double meanTarget = corpus.size() == 0 ? 1 : (double) corpus.targetTokens() / corpus.size();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, POOL_BATCHES * batchSize / meanTarget));
    }

    private int[] sortByLength(int[] pairs) {
        return Arrays.stream(pairs)
                .boxed()
                .sorted(Comparator.<Integer>comparingInt(corpus::sourceLength).thenComparingInt(corpus::targetLength))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private void cut(int[] sorted, List<int[]> batches) {
        int start = 0;
        int maxTarget = 0;
        for (int i = 0; i < sorted.length; i++) {
            int longest = Math.max(maxTarget, corpus.targetLength(sorted[i]));
            int rows = i - start + 1;
            boolean full =
                    unit == BatchType.SENTENCES ? rows > batchSize : rows > 1 && (long) rows * longest > batchSize;
            if (full) {
                batches.add(Arrays.copyOfRange(sorted, start, i));
                start = i;
                longest = corpus.targetLength(sorted[i]);
            }
            maxTarget = longest;
        }
        if (start < sorted.length) {
            batches.add(Arrays.copyOfRange(sorted, start, sorted.length));
        }
    }

    /** SplitMix64 of (seed, epoch): independent, well-mixed seeds for consecutive epochs. */
    private static long mix(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
