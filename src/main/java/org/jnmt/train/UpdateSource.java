package org.jnmt.train;

/**
 * How a {@link Trainer} makes its updates, and where in the training data they are: one process's
 * batches ({@link LocalSteps}), or rounds of data-parallel workers whose weights and Adam moments
 * are averaged into the trainer's model (jnmt-spark). The trainer does the rest: limits,
 * validation, early stopping, the learning-rate schedule, checkpoints and metrics.
 */
public interface UpdateSource {

    /** Batches in an epoch (for the progress estimate). */
    long batchesPerEpoch();

    /** The current epoch, counted from 1. */
    int epoch();

    /** Batches of the current epoch already trained on. */
    long batchesInEpoch();

    /** Whether the current epoch has batches left; when not, the trainer ends it ({@link #nextEpoch}). */
    boolean hasNext();

    /**
     * Trains the next update(s) into the trainer's model and optimiser, the first of them as update
     * {@code step + 1}.
     *
     * @param secondsLeft the training time left before --max-minutes (infinite without a limit): a
     *                    source that makes several updates at once makes fewer rather than overrun it
     */
    Update next(long step, double secondsLeft);

    void nextEpoch();

    /** Continues from a checkpoint's state (the model and optimiser are already restored). */
    void restore(TrainingState state);

    /** The data positions of data-parallel workers, saved with each checkpoint; null for one process. */
    default DataParallelState dataParallelState() {
        return null;
    }
}
