package org.jnmt.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sentence pairs made from a one-to-one dictionary (source word sK translates as tK), with their
 * true alignment, for testing the statistical aligner.
 *
 * @param corpus the pairs as word ids
 * @param truth  the true links of each pair, SOURCE-TARGET
 */
record SyntheticCorpus(IndexedCorpus corpus, List<List<Link>> truth) {

    /**
     * Pairs of 3 to 8 distinct words out of {@code vocabulary}, translated word for word, with
     * each pair of neighbouring target words swapped with probability {@code swap} (so that the
     * alignment is not always the diagonal).
     */
    static SyntheticCorpus locallyReordered(int pairs, int vocabulary, double swap, long seed) {
        Random random = new Random(seed);
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<List<Link>> truth = new ArrayList<>();
        for (int s = 0; s < pairs; s++) {
            int[] words = distinctWords(3 + random.nextInt(6), vocabulary, random);
            int[] order = new int[words.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            for (int k = 0; k + 1 < order.length; k++) {
                if (random.nextDouble() < swap) {
                    int kept = order[k];
                    order[k] = order[k + 1];
                    order[k + 1] = kept;
                    k++;
                }
            }
            List<Link> links = new ArrayList<>();
            StringBuilder source = new StringBuilder();
            StringBuilder target = new StringBuilder();
            for (int k = 0; k < words.length; k++) {
                source.append(k == 0 ? "" : " ").append('s').append(words[k]);
                target.append(k == 0 ? "" : " ").append('t').append(words[order[k]]);
                links.add(new Link(order[k], k));
            }
            sources.add(source.toString());
            targets.add(target.toString());
            truth.add(links);
        }
        return new SyntheticCorpus(IndexedCorpus.of(sources, targets, false), truth);
    }

    /**
     * Pairs drawn from the model itself without NULL: n distinct source words (4 to 12), m target
     * words (n - 2 to n + 2, at least 1), target word i the translation of source word j drawn
     * from the diagonal prior with tension {@code tension}.
     */
    static SyntheticCorpus fromDiagonalPrior(int pairs, int vocabulary, double tension, long seed) {
        Random random = new Random(seed);
        DiagonalPrior prior = new DiagonalPrior(tension);
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<List<Link>> truth = new ArrayList<>();
        for (int s = 0; s < pairs; s++) {
            int n = 4 + random.nextInt(9);
            int m = Math.max(1, n - 2 + random.nextInt(5));
            int[] words = distinctWords(n, vocabulary, random);
            List<Link> links = new ArrayList<>();
            StringBuilder target = new StringBuilder();
            for (int i = 1; i <= m; i++) {
                double draw = random.nextDouble() * prior.normalizer(i, m, n);
                int j = 1;
                for (double cumulative = prior.unnormalized(i, 1, m, n); cumulative < draw && j < n; ) {
                    j++;
                    cumulative += prior.unnormalized(i, j, m, n);
                }
                target.append(i == 1 ? "" : " ").append('t').append(words[j - 1]);
                links.add(new Link(j - 1, i - 1));
            }
            StringBuilder source = new StringBuilder();
            for (int k = 0; k < n; k++) {
                source.append(k == 0 ? "" : " ").append('s').append(words[k]);
            }
            sources.add(source.toString());
            targets.add(target.toString());
            truth.add(links);
        }
        return new SyntheticCorpus(IndexedCorpus.of(sources, targets, false), truth);
    }

    private static int[] distinctWords(int count, int vocabulary, Random random) {
        int[] words = new int[count];
        for (int k = 0; k < count; k++) {
            boolean repeated;
            do {
                words[k] = random.nextInt(vocabulary);
                repeated = false;
                for (int before = 0; before < k; before++) {
                    repeated |= words[before] == words[k];
                }
            } while (repeated);
        }
        return words;
    }
}
