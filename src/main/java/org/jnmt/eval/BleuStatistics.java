package org.jnmt.eval;

import java.util.Arrays;

/**
 * BLEU's sufficient statistics, for one segment or summed over a corpus: the hypothesis length, the
 * closest reference length, and per n-gram order the clipped matches and the hypothesis n-grams.
 * Corpus BLEU sums these over the segments before computing any precision.
 */
public final class BleuStatistics {

    private long hypothesisLength;
    private long referenceLength;
    private final long[] matches;
    private final long[] totals;

    public BleuStatistics(int maxOrder) {
        matches = new long[maxOrder];
        totals = new long[maxOrder];
    }

    BleuStatistics(long hypothesisLength, long referenceLength, long[] matches, long[] totals) {
        this.hypothesisLength = hypothesisLength;
        this.referenceLength = referenceLength;
        this.matches = matches.clone();
        this.totals = totals.clone();
    }

    /** Adds another segment's statistics to these. */
    public void add(BleuStatistics other) {
        hypothesisLength += other.hypothesisLength;
        referenceLength += other.referenceLength;
        for (int n = 0; n < matches.length; n++) {
            matches[n] += other.matches[n];
            totals[n] += other.totals[n];
        }
    }

    public long hypothesisLength() {
        return hypothesisLength;
    }

    public long referenceLength() {
        return referenceLength;
    }

    /** Clipped matches of each order, index 0 for unigrams. */
    public long[] matches() {
        return matches.clone();
    }

    /** Hypothesis n-grams of each order, index 0 for unigrams. */
    public long[] totals() {
        return totals.clone();
    }

    public int maxOrder() {
        return matches.length;
    }

    @Override
    public String toString() {
        return "BleuStatistics[hyp=" + hypothesisLength + ", ref=" + referenceLength + ", matches="
                + Arrays.toString(matches) + ", totals=" + Arrays.toString(totals) + "]";
    }
}
