package org.jnmt.train;

/**
 * Tracks the best dev score (higher is better) and stops training after {@code patience}
 * validations in a row without a new best ({@code training.patience}; 0 never stops), or as soon as
 * the score reaches {@link #PERFECT}, which nothing can improve on.
 *
 * <p>Scheduled validations (every validate_every steps, once an epoch) drive the patience; the
 * validation of a run's last state when it stops ({@link #observeFinal}) only competes for the best,
 * so that a run stopped and resumed schedules exactly as one that was never stopped.
 */
public final class EarlyStopping {

    /** A dev BLEU of 100: the dev set is reproduced exactly. */
    public static final double PERFECT = 100.0;

    /**
     * The tracker's state, as saved in checkpoints; bestStep is 0 before the first validation.
     * scheduledBest is the best of the scheduled validations (null in checkpoints written before it
     * existed: then it is bestScore).
     */
    public record State(double bestScore, long bestStep, int validationsWithoutImprovement, Double scheduledBest) {

        /** Whether training in this state has stopped early under {@code patience}. */
        public boolean stops(int patience) {
            return bestScore >= PERFECT || (patience > 0 && validationsWithoutImprovement >= patience);
        }
    }

    private final int patience;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private long bestStep;
    private double scheduledBest = Double.NEGATIVE_INFINITY;
    private int validationsWithoutImprovement;

    public EarlyStopping(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("the patience must not be negative, got " + patience);
        }
        this.patience = patience;
    }

    /** Records the dev score of a scheduled validation at {@code step}; returns true when it is a new best. */
    public boolean observe(long step, double score) {
        if (score > scheduledBest) {
            scheduledBest = score;
            validationsWithoutImprovement = 0;
        } else {
            validationsWithoutImprovement++;
        }
        return observeFinal(step, score);
    }

    /** Records the dev score of the last state of a stopping run; returns true when it is a new best. */
    public boolean observeFinal(long step, double score) {
        if (score > bestScore) {
            bestScore = score;
            bestStep = step;
            return true;
        }
        return false;
    }

    public boolean shouldStop() {
        return state().stops(patience);
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
        return new State(bestScore, bestStep, validationsWithoutImprovement, scheduledBest);
    }

    public void restore(State state) {
        bestScore = state.bestScore();
        bestStep = state.bestStep();
        validationsWithoutImprovement = state.validationsWithoutImprovement();
        scheduledBest = state.scheduledBest() == null ? state.bestScore() : state.scheduledBest();
    }
}
