package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiagonalPriorTest {

    private static final double[] TENSIONS = {0.1, 1.0, 4.0, 13.7, 50.0};

    @Test
    void normalizerIsTheSumOverSourceWords() {
        for (double tension : TENSIONS) {
            DiagonalPrior prior = new DiagonalPrior(tension);
            for (int m = 1; m <= 12; m++) {
                for (int n = 1; n <= 12; n++) {
                    for (int i = 1; i <= m; i++) {
                        assertEquals(
                                bruteForceSum(prior, i, m, n, false),
                                prior.normalizer(i, m, n),
                                1e-12,
                                "λ " + tension + ", i " + i + ", m " + m + ", n " + n);
                    }
                }
            }
        }
    }

    @Test
    void normalizerHoldsForLongSentences() {
        DiagonalPrior prior = new DiagonalPrior(7.5);
        for (int i = 1; i <= 80; i += 13) {
            double sum = bruteForceSum(prior, i, 80, 97, false);
            assertEquals(sum, prior.normalizer(i, 80, 97), 1e-12 * sum);
        }
    }

    @Test
    void expectedFeatureIsTheWeightedMeanOfTheFeature() {
        for (double tension : TENSIONS) {
            DiagonalPrior prior = new DiagonalPrior(tension);
            for (int m = 1; m <= 12; m++) {
                for (int n = 1; n <= 12; n++) {
                    for (int i = 1; i <= m; i++) {
                        double mean = bruteForceSum(prior, i, m, n, true) / bruteForceSum(prior, i, m, n, false);
                        assertEquals(
                                mean,
                                prior.expectedFeature(i, m, n),
                                1e-10,
                                "λ " + tension + ", i " + i + ", m " + m + ", n " + n);
                    }
                }
            }
        }
    }

    @Test
    void expectedFeatureIsTheDerivativeOfLogNormalizer() {
        double tension = 3.0;
        double step = 1e-5;
        DiagonalPrior prior = new DiagonalPrior(tension);
        DiagonalPrior above = new DiagonalPrior(tension + step);
        DiagonalPrior below = new DiagonalPrior(tension - step);
        for (int i = 1; i <= 9; i++) {
            double derivative =
                    (Math.log(above.normalizer(i, 9, 14)) - Math.log(below.normalizer(i, 9, 14))) / (2 * step);
            assertEquals(derivative, prior.expectedFeature(i, 9, 14), 1e-8);
        }
    }

    @Test
    void featureIsZeroOnTheDiagonalAndFallsAway() {
        assertEquals(0.0, DiagonalPrior.feature(2, 4, 5, 10), 1e-15);
        assertEquals(-0.5, DiagonalPrior.feature(1, 3, 2, 3), 1e-15);
        assertEquals(-0.5, DiagonalPrior.feature(2, 1, 2, 2), 1e-15);
    }

    @Test
    void tensionMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new DiagonalPrior(0));
        assertThrows(IllegalArgumentException.class, () -> new DiagonalPrior(Double.NaN));
    }

    /** Σ_j w_j, or Σ_j h_j w_j, term by term. */
    private static double bruteForceSum(DiagonalPrior prior, int i, int m, int n, boolean weighted) {
        double sum = 0;
        for (int j = 1; j <= n; j++) {
            sum += prior.unnormalized(i, j, m, n) * (weighted ? DiagonalPrior.feature(i, j, m, n) : 1);
        }
        return sum;
    }
}
