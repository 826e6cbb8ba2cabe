package org.jnmt.align;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained IBM Model 2 in fast_align's form (Dyer, Chahuneau and Smith 2013): the probability
 * that target word f_i comes from source word e_j is
 * <pre>
 *   p(a_i = j, f_i | e) = δ(j | i, m, n) t(f_i | e_j),
 *   δ(0 | i, m, n) = p0,   δ(j | i, m, n) = (1 - p0) exp(λ h(i, j, m, n)) / Z_λ(i, m, n)
 * </pre>
 * with NULL as source word 0 (see {@link DiagonalPrior}); without the diagonal prior δ is
 * uniform over NULL and the n source words (IBM Model 1). Made by {@link Ibm2Trainer}.
 */
public final class Ibm2Model {

    private final LexicalTable table;
    private final Ibm2Settings settings;
    private final DiagonalPrior prior;

    Ibm2Model(LexicalTable table, Ibm2Settings settings, double tension) {
        this.table = table;
        this.settings = settings;
        this.prior = new DiagonalPrior(tension);
    }

    /** λ, the learned (or fixed) tension. */
    public double tension() {
        return prior.tension();
    }

    /**
     * The Viterbi alignment of one pair, each target word linked to its most probable source word
     * and left out where NULL is more probable; source and target are ids from the training corpus.
     */
    public List<Link> align(int[] source, int[] target) {
        List<Link> links = new ArrayList<>();
        double[] weights = new double[source.length + 1];
        int[] entries = new int[source.length + 1];
        for (int i = 1; i <= target.length && source.length > 0; i++) {
            linkWeights(source, target, i, weights, entries);
            int best = 0;
            for (int j = 1; j <= source.length; j++) {
                if (weights[j] > weights[best]) {
                    best = j;
                }
            }
            if (best > 0) {
                links.add(new Link(best - 1, i - 1));
            }
        }
        return links;
    }

    /**
     * Fills {@code weights[j]} with p(a_i = j, f_i | e) for target position {@code i} (1-based),
     * {@code j = 0} the NULL word, and {@code entries[j]} with the table entry of (e_j, f_i).
     *
     * @return their sum, p(f_i | e)
     */
    double linkWeights(int[] source, int[] target, int i, double[] weights, int[] entries) {
        int n = source.length;
        int m = target.length;
        int f = target[i - 1];
        entries[0] = table.entry(IndexedCorpus.NULL_WORD, f);
        double uniform = 1.0 / (n + 1);
        weights[0] = table.probability(entries[0]) * (settings.favorDiagonal() ? settings.nullProbability() : uniform);
        double sum = weights[0];
        double scale =
                settings.favorDiagonal() ? (1 - settings.nullProbability()) / prior.normalizer(i, m, n) : uniform;
        for (int j = 1; j <= n; j++) {
            entries[j] = table.entry(source[j - 1], f);
            double alignment = settings.favorDiagonal() ? scale * prior.unnormalized(i, j, m, n) : scale;
            weights[j] = table.probability(entries[j]) * alignment;
            sum += weights[j];
        }
        return sum;
    }
}
