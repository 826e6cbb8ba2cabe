package org.jnmt.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multiset of n-grams of one order (Python's {@code Counter}). An n-gram is keyed by its tokens
 * joined with a space, which is unambiguous because tokens never contain whitespace.
 */
public final class NgramCounts {

    private final Map<String, Integer> counts = new HashMap<>();
    private long total;

    private NgramCounts() {}

    /** The n-grams of {@code order} consecutive tokens. */
    public static NgramCounts ofWords(List<String> tokens, int order) {
        NgramCounts ngrams = new NgramCounts();
        for (int start = 0; start + order <= tokens.size(); start++) {
            ngrams.add(String.join(" ", tokens.subList(start, start + order)));
        }
        return ngrams;
    }

    /** The n-grams of {@code order} consecutive characters (code points). */
    public static NgramCounts ofCharacters(String text, int order) {
        NgramCounts ngrams = new NgramCounts();
        int codePoints = text.codePointCount(0, text.length());
        int start = 0;
        for (int index = 0; index + order <= codePoints; index++) {
            ngrams.add(text.substring(start, text.offsetByCodePoints(start, order)));
            start = text.offsetByCodePoints(start, 1);
        }
        return ngrams;
    }

    private void add(String ngram) {
        counts.merge(ngram, 1, Integer::sum);
        total++;
    }

    /** How many times {@code ngram} occurs. */
    public int count(String ngram) {
        return counts.getOrDefault(ngram, 0);
    }

    /** The number of n-grams, repetitions included. */
    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** The n-grams of this multiset clipped by their counts in {@code reference}: |this ∩ reference|. */
    public long clippedMatches(NgramCounts reference) {
        long matches = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            matches += Math.min(entry.getValue(), reference.count(entry.getKey()));
        }
        return matches;
    }

    /** Raises each count to at least its count in {@code other} (the union of multisets). */
    void maximize(NgramCounts other) {
        for (Map.Entry<String, Integer> entry : other.counts.entrySet()) {
            int previous = count(entry.getKey());
            if (entry.getValue() > previous) {
                counts.put(entry.getKey(), entry.getValue());
                total += entry.getValue() - previous;
            }
        }
    }
}
