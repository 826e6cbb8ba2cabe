package org.jnmt.spark;

/**
 * When data-parallel workers average their weights and Adam moments: after every update for the
 * first {@code warmupSteps} updates, then every {@code every} updates. This is post-local SGD (Lin
 * et al., "Don't Use Large Mini-Batches, Use Local SGD", ICLR 2020): synchronous updates while the
 * weights change fast, local updates once they settle.
 *
 * @param every       updates between two averagings after the warm-up (K)
 * @param warmupSteps updates averaged one by one first (0: none)
 */
record AveragingSchedule(int every, long warmupSteps) {

    /** Updates each worker makes in the round that starts after {@code step} updates. */
    int roundSteps(long step) {
        return step < warmupSteps ? 1 : every;
    }
}
