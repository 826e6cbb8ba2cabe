package org.jnmt.train;

/**
 * Tracks the best dev score (higher is better) and stops training after {@code patience}
 * validations in a row without a new best ({@code training.patience}; 0 never stops).
 */
public final class EarlyStopping {

    /** The tracker's state, as saved in checkpoints; bestStep is 0 before the first validation. */
    public record State(double bestScore, long bestStep, int validationsWithoutImprovement) {
    }

    private final int patience;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private long bestStep;
    private int validationsWithoutImprovement;

    public EarlyStopping(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("the patience must not be negative, got " + patience);
        }
        this.patience = patience;
    }

    /** Records the dev score of the validation at {@code step}; returns true when it is a new best. */
    public boolean observe(long step, double score) {
        if (score > bestScore) {
            bestScore = score;
            bestStep = step;
            validationsWithoutImprovement = 0;
            return true;
        }
        validationsWithoutImprovement++;
        return false;
    }

    public boolean shouldStop() {
        return patience > 0 && validationsWithoutImprovement >= patience;
    }

    /** The best dev score so far; negative infinity before the first validation. */
    public double bestScore() {
        return bestScore;
    }

    public long bestStep() {
        return bestStep;
    }

    public int validationsWithoutImprovement() {
        return validationsWithoutImprovement;
    }

    public State state() {
        return new State(bestScore, bestStep, validationsWithoutImprovement);
    }

    public void restore(State state) {
        bestScore = state.bestScore();
        bestStep = state.bestStep();
        validationsWithoutImprovement = state.validationsWithoutImprovement();
    }
}
