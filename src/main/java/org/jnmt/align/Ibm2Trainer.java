package org.jnmt.align;

import java.util.function.Consumer;

/**
 * Trains an {@link Ibm2Model} by EM on word-id sentence pairs, as fast_align does: the table starts
 * uniform (so the first E-step's posteriors are the alignment prior's), each iteration collects
 * expected link counts under the current model, then re-estimates the lexical table (with the
 * Dirichlet prior if set) and, if asked, the tension. Pairs with an empty side are skipped.
 */
public final class Ibm2Trainer {

    private Ibm2Trainer() {}

    /**
     * Trains a model by EM on the corpus.
     *
     * @param progress told after every iteration
     */
    public static Ibm2Model train(IndexedCorpus corpus, Ibm2Settings settings, Consumer<Ibm2Iteration> progress) {
        LexicalTable table = LexicalTable.cooccurrences(corpus);
        double tension = settings.tension();
        for (int iteration = 1; iteration <= settings.iterations(); iteration++) {
            long start = System.nanoTime();
            Ibm2Model model = new Ibm2Model(table, settings, tension);
            TensionFit fit = new TensionFit();
            double logLikelihood = 0;
            long targetWords = 0;
            for (int s = 0; s < corpus.size(); s++) {
                int[] source = corpus.sources()[s];
                int[] target = corpus.targets()[s];
                if (source.length > 0 && target.length > 0) {
                    logLikelihood += expectedCounts(model, table, source, target, fit);
                    targetWords += target.length;
                }
            }
            if (settings.favorDiagonal() && settings.optimizeTension()) {
                tension = fit.solve();
            }
            table.normalize(settings.dirichletAlpha());
            progress.accept(new Ibm2Iteration(
                    iteration, logLikelihood, targetWords, tension, corpus.size(), (System.nanoTime() - start) / 1e9));
        }
        return new Ibm2Model(table, settings, tension);
    }

    /**
     * The E-step on one pair: adds each link's posterior q_ij = p(a_i = j | e, f) to the table's
     * counts and to the tension statistics.
     *
     * @return log p(f | e)
     */
    private static double expectedCounts(
            Ibm2Model model, LexicalTable table, int[] source, int[] target, TensionFit fit) {
        int n = source.length;
        int m = target.length;
        double[] weights = new double[n + 1];
        int[] entries = new int[n + 1];
        double[] offNullMass = fit.massOf(m, n);
        double logLikelihood = 0;
        for (int i = 1; i <= m; i++) {
            double sum = model.linkWeights(source, target, i, weights, entries);
            logLikelihood += Math.log(sum);
            for (int j = 0; j <= n; j++) {
                double posterior = weights[j] / sum;
                table.addCount(entries[j], posterior);
                if (j > 0) {
                    offNullMass[i] += posterior;
                    fit.addFeature(posterior * DiagonalPrior.feature(i, j, m, n));
                }
            }
        }
        return logLikelihood;
    }
}
