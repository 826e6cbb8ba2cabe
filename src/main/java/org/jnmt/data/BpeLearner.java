package org.jnmt.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jnmt.util.Console;

/**
 * Learns BPE merges from word frequencies with the algorithm of subword-nmt 0.3.8's learn_bpe
 * (Sennrich et al. 2016, Algorithm 1), so that the same words give the same codes:
 * <ul>
 *   <li>a word is its characters, the last one carrying {@code </w>};</li>
 *   <li>each step merges the most frequent adjacent symbol pair; ties go to the pair that is
 *       greatest as a tuple of strings compared by code point (Python's
 *       {@code max(stats, key=lambda x: (stats[x], x))});</li>
 *   <li>learning stops early when no pair occurs at least {@code minFrequency} times.</li>
 * </ul>
 * Pair counts are not recounted after each merge: as in subword-nmt, an index from each pair to the
 * words containing it lets a merge update only the counts of the pairs around its occurrences
 * ({@link PairStatistics}), and the pairs are kept ordered by (count, pair) in a tree, so that each
 * step costs about the number of occurrences it changes. subword-nmt prunes rare pairs from its
 * table for the speed of {@code max()}; that is exact as long as counts never rise, so it picks the
 * same pairs as this full ordering.
 */
public final class BpeLearner {

    private BpeLearner() {}

    /**
     * Learns at most {@code merges} merges.
     *
     * @param wordCounts   how often each word (a whitespace-free token) occurs
     * @param minFrequency stop when the most frequent pair occurs fewer times (subword-nmt: 2)
     */
    public static BpeCodes learn(Map<String, Long> wordCounts, int merges, int minFrequency) {
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency must be at least 1");
        }
        PairStatistics stats = new PairStatistics(wordCounts);
        TreeSet<PairStatistics.Pair> queue = new TreeSet<>(byCountThenPair(stats));
        for (PairStatistics.Pair pair : stats.pairs()) {
            if (pair.count >= minFrequency) {
                queue.add(pair);
            }
        }
        List<BpeCodes.Merge> learned = new ArrayList<>();
        Set<PairStatistics.Pair> touched = new LinkedHashSet<>();
        while (learned.size() < merges) {
            if (queue.isEmpty()) {
                Console.info("bpe: no pair occurs " + minFrequency + " times or more; stopped after " + learned.size()
                        + " merges");
                break;
            }
            PairStatistics.Pair best = queue.pollFirst();
            learned.add(new BpeCodes.Merge(stats.symbol(best.left), stats.symbol(best.right)));
            touched.clear();
            stats.merge(best, pair -> {
                if (touched.add(pair)) {
                    queue.remove(pair);
                }
            });
            for (PairStatistics.Pair pair : touched) {
                if (pair != best && pair.count >= minFrequency) {
                    queue.add(pair);
                }
            }
        }
        return new BpeCodes(learned);
    }

    /** Count descending, then the pair (left, right) descending by code point. */
    private static Comparator<PairStatistics.Pair> byCountThenPair(PairStatistics stats) {
        return (a, b) -> {
            if (a.count != b.count) {
                return Long.compare(b.count, a.count);
            }
            int left = compareCodePoints(stats.symbol(b.left), stats.symbol(a.left));
            return left != 0 ? left : compareCodePoints(stats.symbol(b.right), stats.symbol(a.right));
        };
    }

    /** Python's string order: by code point (String.compareTo compares UTF-16 units). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** Counts the whitespace-separated words of lines as subword-nmt's get_vocabulary does. */
    public static void countWords(String line, Map<String, Long> counts) {
        int start = SubwordNmtText.strippedStart(line);
        int end = SubwordNmtText.strippedEnd(line, start);
        int wordStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || line.charAt(i) == ' ') {
                if (i > wordStart) {
                    counts.merge(line.substring(wordStart, i), 1L, Long::sum);
                }
                wordStart = i + 1;
            }
        }
    }

    /** Sums two word-count tables (for joint BPE). */
    public static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> total = new HashMap<>(a);
        b.forEach((word, count) -> total.merge(word, count, Long::sum));
        return total;
    }
}
