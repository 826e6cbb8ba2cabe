package org.jnmt.train;

/**
 * A training report, made every few steps from the steps since the previous one.
 *
 * @param step                  updates applied so far
 * @param epoch                 the current epoch, counted from 1
 * @param loss                  mean cross-entropy per target token, in nats
 * @param learningRate          the current learning rate
 * @param targetTokensPerSecond non-padding target tokens trained on per second of wall-clock time
 * @param gradNorm              mean global gradient norm before clipping
 * @param elapsedSeconds        seconds of training since the run started, earlier sessions included
 */
public record TrainReport(
        long step,
        int epoch,
        double loss,
        double learningRate,
        double targetTokensPerSecond,
        double gradNorm,
        double elapsedSeconds) {

    /** exp(loss): the per-token perplexity. */
    public double perplexity() {
        return Math.exp(loss);
    }
}
