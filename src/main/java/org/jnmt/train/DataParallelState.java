package org.jnmt.train;

import java.util.List;

/**
 * Where data-parallel training stands, saved in its checkpoints besides {@link TrainingState}: the
 * averaging rounds done and each worker's position in its shard of the training data.
 *
 * @param round   averaging rounds done so far
 * @param workers worker i's position in shard i
 */
public record DataParallelState(long round, List<Position> workers) {

    public DataParallelState {
        workers = List.copyOf(workers);
    }

    /**
     * A worker's place in its shard.
     *
     * @param epoch          the worker's epoch over its shard, counted from 1
     * @param batchesInEpoch batches of that epoch it trained on
     */
    public record Position(int epoch, long batchesInEpoch) {}
}
