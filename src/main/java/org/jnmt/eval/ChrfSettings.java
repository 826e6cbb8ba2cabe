package org.jnmt.eval;

/**
 * How chrF is computed; the defaults are sacreBLEU's chrF2: character n-grams up to 6, no word
 * n-grams, β = 2, case-sensitive, whitespace ignored, effective-order averaging. A word order of 2
 * gives chrF++ (Popović, 2017).
 *
 * @param charOrder    the highest character n-gram order
 * @param wordOrder    the highest word n-gram order (0 for chrF, 2 for chrF++)
 * @param beta         the weight of recall relative to precision
 * @param lowercase    lowercase hypotheses and references first
 * @param whitespace   keep whitespace inside character n-grams
 * @param epsSmoothing chrF++.py's epsilon smoothing instead of averaging over the effective orders
 */
public record ChrfSettings(
        int charOrder, int wordOrder, int beta, boolean lowercase, boolean whitespace, boolean epsSmoothing) {

    public ChrfSettings {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new IllegalArgumentException(
                    "chrF needs a positive character or word n-gram order, got " + charOrder + " and " + wordOrder);
        }
    }

    /** sacreBLEU's chrF2. */
    public static ChrfSettings defaults() {
        return new ChrfSettings(6, 0, 2, false, false, false);
    }

    public ChrfSettings withWordOrder(int order) {
        return new ChrfSettings(charOrder, order, beta, lowercase, whitespace, epsSmoothing);
    }

    public ChrfSettings withLowercase(boolean lower) {
        return new ChrfSettings(charOrder, wordOrder, beta, lower, whitespace, epsSmoothing);
    }
}
