package org.jnmt.spark;

import java.io.Serializable;

/**
 * What a worker sends back from a round: its state to average and its report.
 *
 * @param report the worker's position and statistics
 * @param state  its weights and Adam moments after the round ({@link TrainingStateVector})
 */
record WorkerResult(Report report, float[] state) implements Serializable {

    /**
     * A worker's position after a round and what it trained in it.
     *
     * @param shard          the worker's shard
     * @param epoch          its epoch over the shard
     * @param batchesInEpoch batches of that epoch it trained on
     * @param lossSum        summed cross-entropy over the target tokens trained on, in nats
     * @param targetTokens   non-padding target tokens trained on
     * @param gradNormSum    the gradient norms before clipping, summed over the round's updates
     * @param trainMillis    milliseconds the round's updates took on the worker
     */
    record Report(
            int shard,
            int epoch,
            long batchesInEpoch,
            double lossSum,
            long targetTokens,
            double gradNormSum,
            long trainMillis)
            implements Serializable {}
}
