package org.jnmt.train;

import org.jnmt.config.TrainingConfig;

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
 * @param dataParallel    the rounds and workers' data positions of data-parallel training; null
 *                        for one process
 */
public record TrainingState(
        long step,
        int epoch,
        long batchesInEpoch,
        long seed,
        double trainingSeconds,
        LearningRateScheduler.State scheduler,
        EarlyStopping.State earlyStopping,
        DataParallelState dataParallel) {

    /** The state of a single-process run. */
    public TrainingState(
            long step,
            int epoch,
            long batchesInEpoch,
            long seed,
            double trainingSeconds,
            LearningRateScheduler.State scheduler,
            EarlyStopping.State earlyStopping) {
        this(step, epoch, batchesInEpoch, seed, trainingSeconds, scheduler, earlyStopping, null);
    }

    /** The best dev score so far; negative infinity before the first validation. */
    public double bestDevScore() {
        return earlyStopping.bestScore();
    }

    /**
     * Why a run in this state is over under {@code training} (all epochs done, early stopping, the
     * time limit), or null when training would go on.
     */
    public String finishedReason(TrainingConfig training) {
        if (epoch > training.epochs) {
            return "all " + training.epochs + " epochs done";
        }
        if (earlyStopping.stops(training.patience)) {
            return "early stopping";
        }
        if (training.maxMinutes > 0 && trainingSeconds >= training.maxMinutes * 60) {
            return "time limit of " + training.maxMinutes + " minutes reached";
        }
        if (training.maxSteps > 0 && step >= training.maxSteps) {
            return "step limit of " + training.maxSteps + " reached";
        }
        return null;
    }
}
