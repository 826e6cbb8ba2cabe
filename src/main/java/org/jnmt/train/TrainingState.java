package org.jnmt.train;

/**
 * The scalar state of a training run that a checkpoint restores besides the tensors.
 *
 * @param step            updates applied so far (the number in the checkpoint's file name)
 * @param epoch           the current epoch, counted from 1
 * @param batchesInEpoch  batches of this epoch already trained on; a resumed run rebuilds the
 *                        epoch's batch order from (seed, epoch) and skips this many
 * @param seed            the run's seed; all randomness derives from (seed, epoch, step), so this and
 *                        the counters above restore the random streams
 * @param trainingSeconds wall-clock seconds spent training so far (for training.max_minutes)
 * @param scheduler       the learning-rate scheduler, including the current learning rate
 * @param earlyStopping   early stopping, including the best dev score and its step
 */
public record TrainingState(long step, int epoch, long batchesInEpoch, long seed, double trainingSeconds,
                            LearningRateScheduler.State scheduler, EarlyStopping.State earlyStopping) {

    /** The best dev score so far; negative infinity before the first validation. */
    public double bestDevScore() {
        return earlyStopping.bestScore();
    }
}
