package org.jnmt.train;

import org.jnmt.config.TrainingConfig;

/**
 * Reduce-on-plateau for a dev score where higher is better (BLEU): after {@code patience}
 * validations in a row without a new best score, multiply the rate by {@code factor}, never going
 * below {@code minRate}, and start counting again. This is PyTorch's {@code ReduceLROnPlateau}
 * (mode "max", no cooldown) except that it reduces on the patience-th bad validation, not the one
 * after, as the {@code training.lr_patience} key is documented; any increase counts as a new best.
 */
public final class LearningRateScheduler {

    /** The scheduler's state, as saved in checkpoints. */
    public record State(double learningRate, double bestScore, int badValidations) {}

    private final double factor;
    private final int patience;
    private final double minRate;
    private double learningRate;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int badValidations;

    public LearningRateScheduler(double initialRate, double factor, int patience, double minRate) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("the decay factor must lie in (0, 1), got " + factor);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("the patience must be at least 1, got " + patience);
        }
        this.factor = factor;
        this.patience = patience;
        this.minRate = minRate;
        this.learningRate = initialRate;
    }

    public static LearningRateScheduler fromConfig(TrainingConfig config) {
        return new LearningRateScheduler(
                config.learningRate, config.lrDecayFactor, config.lrPatience, config.minLearningRate);
    }

    /** Records a dev score; returns true when that lowered the learning rate. */
    public boolean observe(double score) {
        if (score > bestScore) {
            bestScore = score;
            badValidations = 0;
            return false;
        }
        badValidations++;
        if (badValidations < patience) {
            return false;
        }
        badValidations = 0;
        double reduced = Math.max(learningRate * factor, minRate);
        if (reduced >= learningRate) {
            return false;
        }
        learningRate = reduced;
        return true;
    }

    public double learningRate() {
        return learningRate;
    }

    public State state() {
        return new State(learningRate, bestScore, badValidations);
    }

    public void restore(State state) {
        learningRate = state.learningRate();
        bestScore = state.bestScore();
        badValidations = state.badValidations();
    }
}
