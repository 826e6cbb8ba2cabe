package org.jnmt.train;

/**
 * What one call of {@link UpdateSource#next} trained: the updates applied and the statistics the
 * trainer reports.
 *
 * @param steps        updates applied (0: the batches were skipped, see {@link NonFiniteGuard})
 * @param lossSum      summed cross-entropy over the target tokens trained on, in nats
 * @param targetTokens non-padding target tokens trained on
 * @param gradNormSum  the global gradient norms before clipping, summed over the steps
 */
public record Update(int steps, double lossSum, long targetTokens, double gradNormSum) {}
