package org.jnmt.train;

/**
 * The result of one validation on the dev set.
 *
 * @param step           updates applied when it ran
 * @param epoch          the current epoch, counted from 1
 * @param loss           mean cross-entropy per dev target token, in nats
 * @param bleu           BLEU of the greedy dev translations (NaN when not computed)
 * @param elapsedSeconds seconds of training since the run started, earlier sessions included
 */
public record ValidationReport(long step, int epoch, double loss, double bleu, double elapsedSeconds) {

    /** exp(loss): the per-token dev perplexity. */
    public double perplexity() {
        return Math.exp(loss);
    }
}
