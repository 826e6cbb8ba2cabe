package org.jnmt.align;

import java.util.Arrays;

/**
 * The lexical translation table t(f | e) of an IBM model, with its expected counts: one entry for
 * every source word e (the NULL word 0 included) and target word f that occur in one sentence pair,
 * stored row by row (a row per e, its target words sorted), so that a lookup is a binary search
 * and the table costs a few bytes per entry.
 */
final class LexicalTable {

    private final int[] rowStart;
    private final int[] targetWords;
    private final double[] probabilities;
    private final double[] counts;

    private LexicalTable(int[] rowStart, int[] targetWords) {
        this.rowStart = rowStart;
        this.targetWords = targetWords;
        this.probabilities = new double[targetWords.length];
        this.counts = new double[targetWords.length];
    }

    /**
     * The entries of a corpus: each target word of a pair with each of its source words and with
     * NULL. All probabilities start uniform over the target words (the first E-step's posteriors then come
     * from the alignment distribution alone).
     */
    static LexicalTable cooccurrences(IndexedCorpus corpus) {
        RowBuilder[] rows = new RowBuilder[corpus.sourceWordCount()];
        for (int e = 0; e < rows.length; e++) {
            rows[e] = new RowBuilder();
        }
        for (int s = 0; s < corpus.size(); s++) {
            int[] target = corpus.targets()[s];
            rows[IndexedCorpus.NULL_WORD].addAll(target);
            for (int e : corpus.sources()[s]) {
                rows[e].addAll(target);
            }
        }
        int[] rowStart = new int[rows.length + 1];
        for (int e = 0; e < rows.length; e++) {
            rows[e].compact();
            rowStart[e + 1] = rowStart[e] + rows[e].size;
        }
        int[] targetWords = new int[rowStart[rows.length]];
        for (int e = 0; e < rows.length; e++) {
            System.arraycopy(rows[e].words, 0, targetWords, rowStart[e], rows[e].size);
            rows[e] = null;
        }
        LexicalTable table = new LexicalTable(rowStart, targetWords);
        Arrays.fill(table.probabilities, 1.0 / Math.max(1, corpus.targetWordCount() - 1));
        return table;
    }

    /** The number of (e, f) entries. */
    int size() {
        return targetWords.length;
    }

    /** Where the entry (e, f) is; it must exist (e and f occur in one pair). */
    int entry(int e, int f) {
        int at = Arrays.binarySearch(targetWords, rowStart[e], rowStart[e + 1], f);
        if (at < 0) {
            throw new IllegalArgumentException("no table entry for source word " + e + " and target word " + f);
        }
        return at;
    }

    double probability(int entry) {
        return probabilities[entry];
    }

    void addCount(int entry, double count) {
        counts[entry] += count;
    }

    /**
     * The M-step: each row of counts becomes a distribution over target words, then the counts
     * are cleared. With {@code dirichletAlpha} 0 it is the maximum-likelihood estimate c / Σc;
     * with α > 0 the mean-field variational estimate under a symmetric Dirichlet(α) prior,
     * exp(ψ(c + α)) / exp(ψ(Σc + α |row|)) (Riley and Gildea 2012; fast_align's {@code -v}), which
     * keeps rare source words from spreading their mass over every word they met.
     */
    void normalize(double dirichletAlpha) {
        for (int e = 0; e + 1 < rowStart.length; e++) {
            double total = 0;
            for (int k = rowStart[e]; k < rowStart[e + 1]; k++) {
                total += counts[k] + dirichletAlpha;
            }
            if (total == 0) {
                continue;
            }
            double digammaTotal = dirichletAlpha > 0 ? digamma(total) : 0;
            for (int k = rowStart[e]; k < rowStart[e + 1]; k++) {
                probabilities[k] = dirichletAlpha > 0
                        ? Math.exp(digamma(counts[k] + dirichletAlpha) - digammaTotal)
                        : counts[k] / total;
            }
        }
        Arrays.fill(counts, 0);
    }

    /**
     * ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) - 1/x up to x ≥ 10, then the asymptotic
     * series ln x - 1/(2x) - Σ B_2k / (2k x^2k) (Abramowitz and Stegun 6.3.18).
     */
    static double digamma(double x) {
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x++;
        }
        double inverseSquare = 1 / (x * x);
        double series = inverseSquare
                * (1.0 / 12
                        - inverseSquare
                                * (1.0 / 120
                                        - inverseSquare
                                                * (1.0 / 252 - inverseSquare * (1.0 / 240 - inverseSquare / 132))));
        return result + Math.log(x) - 0.5 / x - series;
    }

    /** A growing list of target words that sorts and drops repeats whenever it fills up. */
    private static final class RowBuilder {
        int[] words = new int[4];
        int size;

        void addAll(int[] more) {
            for (int f : more) {
                if (size == words.length) {
                    compact();
                    if (size > words.length / 2) {
                        words = Arrays.copyOf(words, words.length * 2);
                    }
                }
                words[size++] = f;
            }
        }

        void compact() {
            Arrays.sort(words, 0, size);
            int unique = 0;
            for (int k = 0; k < size; k++) {
                if (unique == 0 || words[unique - 1] != words[k]) {
                    words[unique++] = words[k];
                }
            }
            size = unique;
        }
    }
}
