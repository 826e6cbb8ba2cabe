package org.jnmt.eval;

/**
 * A BLEU score with the parts it is made of, computed from summed {@link BleuStatistics} with
 * sacreBLEU's formula: BLEU = BP · exp(Σ_n log p_n / N) (Papineni et al., 2002, eq. 2 with uniform
 * weights), p_n in percent, BP = exp(1 − r/c) when the hypothesis length c is below the reference
 * length r.
 */
public final class BleuScore implements MetricScore {

    /** sacreBLEU's stand-in for log(0), so that a zero precision gives a score of 0. */
    private static final double LOG_ZERO = -9999999999.0;

    private final double score;
    private final double[] precisions;
    private final double brevityPenalty;
    private final long hypothesisLength;
    private final long referenceLength;

    private BleuScore(
            double score, double[] precisions, double brevityPenalty, long hypothesisLength, long referenceLength) {
        this.score = score;
        this.precisions = precisions;
        this.brevityPenalty = brevityPenalty;
        this.hypothesisLength = hypothesisLength;
        this.referenceLength = referenceLength;
    }

    /** The score of {@code statistics} under the smoothing and effective-order rule of {@code settings}. */
    public static BleuScore of(BleuStatistics statistics, BleuSettings settings) {
        long hypLength = statistics.hypothesisLength();
        long refLength = statistics.referenceLength();
        double bp = 1.0;
        if (hypLength < refLength) {
            bp = hypLength > 0 ? Math.exp(1 - (double) refLength / hypLength) : 0.0;
        }
        int maxOrder = statistics.maxOrder();
        double[] precisions = new double[maxOrder];
        long[] matchCounts = statistics.matches();
        long[] totalCounts = statistics.totals();
        boolean anyMatch = false;
        for (long count : matchCounts) {
            anyMatch |= count != 0;
        }
        if (!anyMatch) {
            return new BleuScore(0.0, precisions, bp, hypLength, refLength);
        }

        SmoothingMethod smoothing = settings.smoothing();
        double smoothValue = settings.effectiveSmoothValue();
        double mtevalFactor = 1.0;
        int effectiveOrder = maxOrder;
        for (int n = 1; n <= maxOrder; n++) {
            double matches = matchCounts[n - 1];
            double total = totalCounts[n - 1];
            if (smoothing == SmoothingMethod.ADD_K && n > 1) {
                matches += smoothValue;
                total += smoothValue;
            }
            if (total == 0) {
                break;
            }
            if (settings.effectiveOrder()) {
                effectiveOrder = n;
            }
            if (matches == 0) {
                if (smoothing == SmoothingMethod.EXP) {
                    mtevalFactor *= 2;
                    precisions[n - 1] = 100. / (mtevalFactor * total);
                } else if (smoothing == SmoothingMethod.FLOOR) {
                    precisions[n - 1] = 100. * smoothValue / total;
                }
            } else {
                precisions[n - 1] = 100. * matches / total;
            }
        }
        double logSum = 0;
        for (int n = 0; n < effectiveOrder; n++) {
            logSum += precisions[n] == 0.0 ? LOG_ZERO : Math.log(precisions[n]);
        }
        double score = bp * Math.exp(logSum / effectiveOrder);
        return new BleuScore(score, precisions, bp, hypLength, refLength);
    }

    @Override
    public String name() {
        return "BLEU";
    }

    @Override
    public double score() {
        return score;
    }

    /** The n-gram precisions in percent, index 0 for unigrams (smoothed where smoothing applied). */
    public double[] precisions() {
        return precisions.clone();
    }

    public double brevityPenalty() {
        return brevityPenalty;
    }

    /** Hypothesis length / reference length, 0 when the reference length is 0. */
    public double ratio() {
        return referenceLength == 0 ? 0 : (double) hypothesisLength / referenceLength;
    }

    public long hypothesisLength() {
        return hypothesisLength;
    }

    public long referenceLength() {
        return referenceLength;
    }

    /** sacreBLEU's detail string: {@code 80.0/52.8/31.2/21.4 (BP = 0.905 ratio = 0.909 hyp_len = 40 ref_len = 44)}. */
    @Override
    public String verbose() {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < precisions.length; n++) {
            text.append(n == 0 ? "" : "/").append(PythonFloats.fixed(precisions[n], 1));
        }
        return text.append(" (BP = ")
                .append(PythonFloats.fixed(brevityPenalty, 3))
                .append(" ratio = ")
                .append(PythonFloats.fixed(ratio(), 3))
                .append(" hyp_len = ")
                .append(hypothesisLength)
                .append(" ref_len = ")
                .append(referenceLength)
                .append(')')
                .toString();
    }

    @Override
    public String toString() {
        return "BLEU = " + PythonFloats.fixed(score, 2) + " " + verbose();
    }
}
