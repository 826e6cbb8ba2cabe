package org.jnmt.align;

import java.util.HashMap;
import java.util.Map;

/**
 * The M-step for the tension λ of {@link DiagonalPrior}. With the E-step's link posteriors q fixed,
 * the expected log-likelihood of the alignments Σ_i Σ_{j≥1} q_ij (λ h_ij - log Z_λ(i, m, n)) has
 * the derivative
 * <pre>
 *   g(λ) = Σ q_ij h_ij  -  Σ_i (Σ_{j≥1} q_ij) E_λ[h | i, m, n]
 * </pre>
 * (Dyer et al. 2013, section 2.1), the posterior's expected feature minus the prior's, each target
 * word weighted by its mass off NULL. E_λ[h] grows with λ (its derivative is a variance), so g
 * falls monotonically and its root is found by bisection. fast_align instead takes 8 gradient
 * steps of size 20 per iteration and gives every target word weight 1 in the prior's term, as if
 * its NULL mass sat on the diagonal.
 */
final class TensionFit {

    /** Bounds of λ: fast_align clamps to [0.1, 14]; the upper bound here is looser. */
    static final double MIN_TENSION = 0.1;

    static final double MAX_TENSION = 50;

    private static final int BISECTIONS = 60;

    /** Non-NULL posterior mass per (m, n) sentence-length pair and 1-based target position. */
    private final Map<Long, double[]> massByLengths = new HashMap<>();

    private double posteriorFeature;

    /** The per-position mass array for a pair of m target and n source words, to add to. */
    double[] massOf(int m, int n) {
        return massByLengths.computeIfAbsent(((long) m << 32) | n, key -> new double[m + 1]);
    }

    /** Adds q_ij h_ij of one link. */
    void addFeature(double weightedFeature) {
        posteriorFeature += weightedFeature;
    }

    /** The λ in [{@link #MIN_TENSION}, {@link #MAX_TENSION}] where the gradient is 0 (or the nearer bound). */
    double solve() {
        double low = MIN_TENSION;
        double high = MAX_TENSION;
        if (gradient(low) <= 0) {
            return low;
        }
        if (gradient(high) >= 0) {
            return high;
        }
        for (int step = 0; step < BISECTIONS; step++) {
            double middle = 0.5 * (low + high);
            if (gradient(middle) > 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /** g(λ) of the class comment. */
    double gradient(double tension) {
        DiagonalPrior prior = new DiagonalPrior(tension);
        double expected = 0;
        for (Map.Entry<Long, double[]> lengths : massByLengths.entrySet()) {
            int m = (int) (lengths.getKey() >>> 32);
            int n = (int) (long) lengths.getKey();
            double[] mass = lengths.getValue();
            for (int i = 1; i <= m; i++) {
                if (mass[i] > 0) {
                    expected += mass[i] * prior.expectedFeature(i, m, n);
                }
            }
        }
        return posteriorFeature - expected;
    }
}
