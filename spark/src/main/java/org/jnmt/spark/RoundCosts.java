package org.jnmt.spark;

import java.util.Locale;

/** Wall time of the rounds against the workers' own update time. */
final class RoundCosts {
    private long rounds;
    private long steps;
    private long millis;
    private long slowestWorkerMillis;
    private long stateValues;

    /**
     * A round shortened so that, at the rounds' mean time per update so far, it ends within
     * {@code secondsLeft}; at least one update (the trainer stops once the time is up).
     */
    int stepsThatFit(int roundSteps, double secondsLeft) {
        if (steps == 0 || Double.isInfinite(secondsLeft)) {
            return roundSteps;
        }
        double secondsPerStep = millis / 1000.0 / steps;
        return (int) Math.max(1, Math.min(roundSteps, Math.floor(secondsLeft / secondsPerStep)));
    }

    void add(int roundSteps, long roundMillis, long slowestMillis, long values) {
        rounds++;
        steps += roundSteps;
        millis += roundMillis;
        slowestWorkerMillis += slowestMillis;
        stateValues = values;
    }

    String summary(int workers) {
        if (rounds == 0) {
            return "no averaging round";
        }
        return String.format(
                Locale.ROOT,
                "%d averaging rounds of %d workers, %.1f updates a round: %.0f ms a round, of which %.0f ms "
                        + "outside the slowest worker's updates, %.1f MB of state each way per worker a round",
                rounds,
                workers,
                steps / (double) rounds,
                millis / (double) rounds,
                (millis - slowestWorkerMillis) / (double) rounds,
                stateValues * 4 / 1e6);
    }
}
