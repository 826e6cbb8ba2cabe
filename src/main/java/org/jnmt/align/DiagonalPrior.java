package org.jnmt.align;

/**
 * The alignment distribution of fast_align (Dyer, Chahuneau and Smith 2013, "A Simple, Fast, and
 * Effective Reparameterization of IBM Model 2", section 2): target word {@code i} of {@code m}
 * links to source word {@code j} of {@code n} (all 1-based) with weight
 * <pre>
 *   exp(λ h(i, j, m, n)) / Z_λ(i, m, n),     h(i, j, m, n) = -| i/m - j/n |
 * </pre>
 * so links near the diagonal are favoured, the more the larger the tension λ. On either side of
 * the point {@code j = i n / m} the weights form a geometric series with ratio {@code exp(-λ/n)},
 * which gives the normaliser Z and its derivative in closed form (the paper's section 2.1).
 */
public final class DiagonalPrior {

    private final double tension;

    /** @param tension λ, positive */
    public DiagonalPrior(double tension) {
        if (!(tension > 0) || Double.isInfinite(tension)) {
            throw new IllegalArgumentException("tension must be positive and finite, got " + tension);
        }
        this.tension = tension;
    }

    public double tension() {
        return tension;
    }

    /** h(i, j, m, n) = -|i/m - j/n|, 0 on the diagonal and down to -1 in the far corners. */
    public static double feature(int i, int j, int m, int n) {
        return -Math.abs((double) i / m - (double) j / n);
    }

    /** exp(λ h(i, j, m, n)). */
    public double unnormalized(int i, int j, int m, int n) {
        return Math.exp(tension * feature(i, j, m, n));
    }

    /** Z_λ(i, m, n) = Σ_{j=1..n} exp(λ h(i, j, m, n)), summed as two geometric series. */
    public double normalizer(int i, int m, int n) {
        return sumOverSides(i, m, n, false);
    }

    /**
     * d log Z / dλ = E[h], the expected feature of target word {@code i} under this prior: what
     * tension fitting matches against the posterior's expected feature.
     */
    public double expectedFeature(int i, int m, int n) {
        return sumOverSides(i, m, n, true) / normalizer(i, m, n);
    }

    /**
     * Σ_j w_j or, with {@code weighted}, Σ_j h_j w_j, where w_j = exp(λ h_j). Below the split point
     * {@code floor(i n / m)} the terms run from j = floor down to 1, above it from floor + 1 up to
     * n; in both runs h falls by 1/n a step and w shrinks by r = exp(-λ/n).
     */
    private double sumOverSides(int i, int m, int n, boolean weighted) {
        int below = (int) Math.floor((double) i * n / m);
        double sum = 0;
        if (below > 0) {
            sum += run(feature(i, below, m, n), below, n, weighted);
        }
        if (below < n) {
            sum += run(feature(i, below + 1, m, n), n - below, n, weighted);
        }
        return sum;
    }

    /**
     * A run of {@code count} terms starting at feature {@code h0}: Σ_k w_0 r^k (S0) or
     * Σ_k (h0 - k/n) w_0 r^k = w_0 (h0 S0 - S1 / n), with S1 = Σ_k k r^k = r (S0 - N r^(N-1)) / (1 - r).
     */
    private double run(double h0, int count, int n, boolean weighted) {
        double first = Math.exp(tension * h0);
        double oneMinusRatio = -Math.expm1(-tension / n);
        double ratio = 1 - oneMinusRatio;
        double geometric = -Math.expm1(-tension * count / n) / oneMinusRatio;
        if (!weighted) {
            return first * geometric;
        }
        double arithmeticGeometric = ratio * (geometric - count * Math.pow(ratio, count - 1)) / oneMinusRatio;
        return first * (h0 * geometric - arithmeticGeometric / n);
    }
}
