package org.jnmt.train;

import java.util.Iterator;
import org.jnmt.config.TrainingConfig;
import org.jnmt.data.Batch;
import org.jnmt.data.Batcher;
import org.jnmt.data.EncodedCorpus;
import org.jnmt.model.AlignmentGuide;
import org.jnmt.model.LossResult;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.util.NmtException;

/**
 * Updates made by this process on its corpus: teacher-forced forward and backward passes over
 * seeded, bucketed batches (several per update with gradient accumulation, never across an epoch's
 * end), gradient-norm clipping, the non-finite guard and Adam. The batch order of an epoch derives
 * from (seed, epoch), the dropout masks of an update from (seed, step), so that a run resumed at a
 * position trains exactly as an uninterrupted one. A data-parallel worker runs one on its shard.
 */
public final class LocalSteps implements UpdateSource {

    private final Seq2SeqModel model;
    private final AdamOptimizer adam;
    private final TrainingConfig t;
    private final long seed;
    private final Batcher batcher;
    private final GradientAccumulator accumulated;
    private final NonFiniteGuard guard;
    /** Per corpus pair, its alignment links for guided alignment; null when that is off. */
    private final int[][] alignments;

    private int epoch = 1;
    private long batchesInEpoch;
    /** The rest of the current epoch; made when first needed. */
    private Iterator<Batch> batches;

    /**
     * @param seed       the batch order's and dropout's seed: training.seed in one process (a worker
     *                   uses its own)
     * @param alignments per pair of the corpus, its links as flat (source, target) position pairs
     *                   ({@link org.jnmt.align.TrainingAlignments#read}) when training.guided_alignment
     *                   is on, else null
     */
    public LocalSteps(
            Seq2SeqModel model,
            AdamOptimizer adam,
            TrainingConfig t,
            EncodedCorpus corpus,
            long seed,
            int[][] alignments) {
        if (t.guidedAlignment > 0 && (alignments == null || alignments.length != corpus.size())) {
            throw new NmtException(
                    "training.guided_alignment needs the alignment of every training pair" + " (data.alignment: ibm2)");
        }
        this.alignments = t.guidedAlignment > 0 ? alignments : null;
        this.model = model;
        this.adam = adam;
        this.t = t;
        this.seed = seed;
        this.batcher = new Batcher(corpus, t.batchSize, t.batchType, seed);
        this.accumulated = t.accumSteps > 1 ? new GradientAccumulator(model.parameters()) : null;
        this.guard = new NonFiniteGuard(t.onNonFinite);
    }

    @Override
    public long batchesPerEpoch() {
        return batcher.plan(1).size();
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public long batchesInEpoch() {
        return batchesInEpoch;
    }

    @Override
    public boolean hasNext() {
        return batches().hasNext();
    }

    @Override
    public Update next(long step, double secondsLeft) {
        Iterator<Batch> epochBatches = batches();
        double lossSum = 0;
        double meanLoss = 0;
        long tokens = 0;
        int pending = 0; // batches of this update trained so far
        do {
            Batch batch = epochBatches.next();
            LossResult loss = model.forwardBackward(batch, dropoutSeed(step, pending), t.labelSmoothing, guide(batch));
            batchesInEpoch++;
            pending++;
            lossSum += loss.loss();
            meanLoss += loss.meanLoss();
            tokens += batch.targetTokens();
            if (accumulated != null) {
                accumulated.add();
            }
        } while (accumulated != null && pending < t.accumSteps && epochBatches.hasNext());
        if (accumulated != null) {
            accumulated.finish();
        }
        double norm = GradientClipping.clipByGlobalNorm(model.parameters(), t.clipNorm);
        if (!guard.accept(step + 1, meanLoss, norm)) {
            return new Update(0, lossSum, tokens, norm);
        }
        adam.step();
        return new Update(1, lossSum, tokens, norm);
    }

    @Override
    public void nextEpoch() {
        moveTo(epoch + 1, 0);
    }

    @Override
    public void restore(TrainingState state) {
        moveTo(state.epoch(), state.batchesInEpoch());
    }

    /** Continues at batch {@code batchesInEpoch} of {@code epoch} (as a checkpoint recorded it). */
    public void moveTo(int epoch, long batchesInEpoch) {
        this.epoch = epoch;
        this.batchesInEpoch = batchesInEpoch;
        this.batches = null;
    }

    private Iterator<Batch> batches() {
        if (batches == null) {
            batches = batcher.epoch(epoch, Math.toIntExact(batchesInEpoch));
        }
        return batches;
    }

    /**
     * The dropout masks of a batch depend only on the seed, the step and the batch's place among
     * those accumulated into the step (always 0 without accumulation).
     */
    private long dropoutSeed(long atStep, int batchOfStep) {
        return seed * 0x9E3779B97F4A7C15L + atStep * t.accumSteps + batchOfStep;
    }

    /** The guided-alignment cost of a batch's pairs, or null when guided alignment is off. */
    private AlignmentGuide guide(Batch batch) {
        if (alignments == null) {
            return null;
        }
        int[][] links = new int[batch.size()][];
        for (int b = 0; b < links.length; b++) {
            links[b] = alignments[Math.toIntExact(batch.indices()[b])];
        }
        return new AlignmentGuide(t.guidedAlignment, links);
    }
}
