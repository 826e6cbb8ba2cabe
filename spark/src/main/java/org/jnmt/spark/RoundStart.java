package org.jnmt.spark;

import java.io.Serializable;

/**
 * What the driver broadcasts to start an averaging round: the averaged state every worker starts
 * from, where each worker is in its shard, and how many updates to make.
 *
 * @param state          weights and Adam moments ({@link TrainingStateVector})
 * @param step           updates made so far (Adam's step count and the dropout seeds follow it)
 * @param learningRate   the driver's learning rate (its scheduler lowers it on plateaus)
 * @param steps          updates each worker makes in this round
 * @param epochs         worker i's epoch over its shard
 * @param batchesInEpoch batches of that epoch worker i trained on
 */
record RoundStart(float[] state, long step, double learningRate, int steps, int[] epochs, long[] batchesInEpoch)
        implements Serializable {}
