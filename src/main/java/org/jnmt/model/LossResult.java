package org.jnmt.model;

/**
 * The loss of one batch, summed over its real target tokens (EOS included, PAD excluded).
 *
 * @param loss   the training objective: the label-smoothed cross-entropy when smoothing is on,
 *               else equal to nll, plus the guided-alignment cost when there is one
 * @param nll    the plain negative log-likelihood, sum of -log p(y_i) (for perplexity)
 * @param tokens the number of real target tokens
 */
public record LossResult(double loss, double nll, int tokens) {

    /** The mean objective per token: what the gradients of forwardBackward are of. */
    public double meanLoss() {
        return loss / tokens;
    }
}
