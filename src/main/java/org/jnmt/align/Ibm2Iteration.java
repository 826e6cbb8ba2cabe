package org.jnmt.align;

/**
 * What one EM iteration of {@link Ibm2Trainer} did.
 *
 * @param iteration     1-based
 * @param logLikelihood Σ log p(f | e) over the corpus (natural log), under the parameters the
 *                      iteration started from
 * @param targetWords   the number of target words it explained
 * @param tension       λ after the iteration
 * @param pairs         sentence pairs read
 * @param seconds       wall-clock time of the iteration
 */
public record Ibm2Iteration(
        int iteration, double logLikelihood, long targetWords, double tension, int pairs, double seconds) {

    /** Per-word perplexity, exp(-log-likelihood / target words). */
    public double perplexity() {
        return Math.exp(-logLikelihood / Math.max(1, targetWords));
    }

    public double pairsPerSecond() {
        return pairs / Math.max(seconds, 1e-9);
    }
}
