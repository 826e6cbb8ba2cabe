package org.jnmt.train;

import java.util.Locale;
import org.jnmt.config.NonFinitePolicy;
import org.jnmt.util.NmtException;

/**
 * What to do when a batch gives a NaN or infinite loss or gradient norm ({@code training.on_non_finite}):
 * "stop" ends training with an error, "skip" drops the batch's update and carries on, up to
 * {@link #MAX_CONSECUTIVE_SKIPS} bad batches in a row.
 */
public final class NonFiniteGuard {

    /** More bad batches in a row than this means the run is broken, not unlucky. */
    static final int MAX_CONSECUTIVE_SKIPS = 20;

    private final boolean skip;
    private long skipped;
    private int consecutive;

    public NonFiniteGuard(NonFinitePolicy policy) {
        this.skip = policy == NonFinitePolicy.SKIP;
    }

    /**
     * Checks one batch before its update: true when loss and norm are finite (apply the update),
     * false when the batch is to be skipped.
     *
     * @throws NmtException when the policy is "stop", or after too many bad batches in a row
     */
    public boolean accept(long step, double loss, double gradNorm) {
        if (Double.isFinite(loss) && Double.isFinite(gradNorm)) {
            consecutive = 0;
            return true;
        }
        String what = Double.isFinite(loss) ? "gradient norm is " + gradNorm : "loss is " + loss;
        if (!skip) {
            throw new NmtException(String.format(
                    Locale.ROOT,
                    "step %d: the %s; training stopped "
                            + "(training.on_non_finite: stop) - lower training.learning_rate or resume with on_non_finite: skip",
                    step,
                    what));
        }
        skipped++;
        consecutive++;
        if (consecutive > MAX_CONSECUTIVE_SKIPS) {
            throw new NmtException(String.format(
                    Locale.ROOT,
                    "step %d: the %s for %d batches in a row; " + "training stopped - lower training.learning_rate",
                    step,
                    what,
                    consecutive));
        }
        return false;
    }

    /** The number of batches skipped so far. */
    public long skipped() {
        return skipped;
    }
}
