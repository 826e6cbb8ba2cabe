package org.jnmt.decode;

/**
 * Settings of greedy and beam search.
 *
 * @param beamSize       K; 1 is greedy search
 * @param alpha          GNMT length-normalisation exponent (Wu et al. 2016): score = logP / ((5+len)/6)^alpha
 * @param nBest          how many hypotheses to return per sentence (at most K)
 * @param maxLengthRatio the maximum output length is maxLengthRatio * sourceLength + 10 tokens, at most
 *                       {@link #MAX_OUTPUT_TOKENS}
 */
public record SearchOptions(int beamSize, double alpha, int nBest, double maxLengthRatio) {

    /** An absolute cap on the output length, so that a 10,000-character line cannot exhaust memory. */
    public static final int MAX_OUTPUT_TOKENS = 1000;

    public SearchOptions {
        if (beamSize < 1) {
            throw new IllegalArgumentException("beam size must be at least 1");
        }
        if (nBest < 1 || nBest > beamSize) {
            throw new IllegalArgumentException("n-best must be between 1 and the beam size " + beamSize);
        }
    }

    public static SearchOptions greedy(double maxLengthRatio) {
        return new SearchOptions(1, 0.0, 1, maxLengthRatio);
    }

    /** The largest number of tokens (EOS included) produced for a source of {@code srcLength} tokens. */
    public int maxOutputLength(int srcLength) {
        return (int) Math.min(MAX_OUTPUT_TOKENS, Math.ceil(maxLengthRatio * srcLength) + 10);
    }

    /** GNMT's length penalty lp(len) = ((5 + len) / 6)^alpha. */
    public double lengthPenalty(int length) {
        return alpha == 0 ? 1.0 : Math.pow((5.0 + length) / 6.0, alpha);
    }
}
