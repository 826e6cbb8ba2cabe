package org.jnmt.align;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Alignment error rate, precision and recall (Och and Ney 2003, "A Systematic Comparison of Various
 * Statistical Alignment Models", section 5), summed over a corpus before dividing:
 * <pre>
 *   precision = |A ∩ P| / |A|
 *   recall    = |A ∩ S| / |S|
 *   AER       = 1 - (|A ∩ S| + |A ∩ P|) / (|A| + |S|)
 * </pre>
 * with A the hypothesis links, S the sure and P the possible gold links (S ⊆ P). A ratio whose
 * denominator is 0 counts as 0 error: precision and recall 1, AER 0.
 */
public final class AlignmentScore {

    private long hypothesisLinks;
    private long sureLinks;
    private long hitsOnSure;
    private long hitsOnPossible;
    private int sentences;

    /** Adds one sentence pair: its hypothesis links A and its gold links. */
    public void add(Collection<Link> hypothesis, GoldAlignment gold) {
        Set<Link> links = new HashSet<>(hypothesis);
        hypothesisLinks += links.size();
        sureLinks += gold.sure().size();
        for (Link link : links) {
            if (gold.sure().contains(link)) {
                hitsOnSure++;
            }
            if (gold.possible().contains(link)) {
                hitsOnPossible++;
            }
        }
        sentences++;
    }

    public double precision() {
        return hypothesisLinks == 0 ? 1.0 : (double) hitsOnPossible / hypothesisLinks;
    }

    public double recall() {
        return sureLinks == 0 ? 1.0 : (double) hitsOnSure / sureLinks;
    }

    public double alignmentErrorRate() {
        long denominator = hypothesisLinks + sureLinks;
        return denominator == 0 ? 0.0 : 1.0 - (double) (hitsOnSure + hitsOnPossible) / denominator;
    }

    public int sentences() {
        return sentences;
    }

    /** |A|, the number of hypothesis links. */
    public long hypothesisLinks() {
        return hypothesisLinks;
    }

    /** |S|, the number of sure gold links. */
    public long sureLinks() {
        return sureLinks;
    }

    /** One line for the terminal: "AER 31.25  precision 70.00  recall 66.67  (447 sentences, |A| 7020, |S| 4038)". */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "AER %.2f  precision %.2f  recall %.2f  (%d sentences, |A| %d, |S| %d)",
                100 * alignmentErrorRate(),
                100 * precision(),
                100 * recall(),
                sentences,
                hypothesisLinks,
                sureLinks);
    }
}
