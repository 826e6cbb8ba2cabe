package org.jnmt.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The symbol-pair counts of a word list under BPE merging, with an index from each pair to the
 * words that contain it, updated incrementally after each merge. The update follows subword-nmt's
 * {@code update_pair_statistics} step by step (including how overlapping occurrences such as
 * {@code A B A B} or {@code x x x} are counted), so that counts, and hence learned merges, agree.
 */
final class PairStatistics {

    /** One symbol pair: its weighted count and, per word index, how many times it occurs there. */
    static final class Pair {
        final int left;
        final int right;
        long count;
        final Map<Integer, Integer> words = new HashMap<>();

        Pair(int left, int right) {
            this.left = left;
            this.right = right;
        }
    }

    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    /** [words][symbols of that word]: the current segmentation of each distinct word. */
    private final int[][] words;

    private final long[] frequencies;
    private final Map<Long, Pair> pairs = new HashMap<>();

    PairStatistics(Map<String, Long> wordCounts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(wordCounts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        words = new int[entries.size()][];
        frequencies = new long[entries.size()];
        for (int w = 0; w < entries.size(); w++) {
            String word = entries.get(w).getKey();
            int[] codePoints = word.codePoints().toArray();
            int[] symbolsOfWord = new int[codePoints.length];
            for (int i = 0; i < codePoints.length; i++) {
                String symbol = new String(Character.toChars(codePoints[i]));
                symbolsOfWord[i] = intern(i == codePoints.length - 1 ? symbol + BpeCodes.END_OF_WORD : symbol);
            }
            words[w] = symbolsOfWord;
            frequencies[w] = entries.get(w).getValue();
            for (int i = 0; i + 1 < symbolsOfWord.length; i++) {
                Pair pair = pair(symbolsOfWord[i], symbolsOfWord[i + 1]);
                pair.count += frequencies[w];
                pair.words.merge(w, 1, Integer::sum);
            }
        }
    }

    Collection<Pair> pairs() {
        return pairs.values();
    }

    String symbol(int id) {
        return symbols.get(id);
    }

    /**
     * Merges {@code best} in every word that contains it and updates the counts around each
     * occurrence. {@code beforeChange} sees every pair just before its count changes (so that an
     * ordered queue can take it out first). Afterwards the merged pair's count is 0.
     */
    void merge(Pair best, Consumer<Pair> beforeChange) {
        int merged = intern(symbol(best.left) + symbol(best.right));
        List<Integer> changedWords = new ArrayList<>();
        best.words.forEach((w, occurrences) -> {
            if (occurrences >= 1) {
                changedWords.add(w);
            }
        });
        beforeChange.accept(best);
        best.count = 0;
        best.words.clear();
        for (int w : changedWords) {
            int[] old = words[w];
            int[] updated = replace(old, best.left, best.right, merged);
            words[w] = updated;
            removeOldNeighbours(w, old, best.left, best.right, beforeChange);
            addNewNeighbours(w, updated, merged, beforeChange);
        }
        beforeChange.accept(best);
        best.count = 0;
    }

    /** Each occurrence of "A B" in the old word loses its neighbours "X A" and "B Y". */
    private void removeOldNeighbours(int w, int[] old, int first, int second, Consumer<Pair> beforeChange) {
        long freq = frequencies[w];
        int i = 0;
        while (i < old.length) {
            if (old[i] != first) {
                i++;
                continue;
            }
            if (i < old.length - 1 && old[i + 1] == second) {
                if (i > 0) {
                    adjust(old[i - 1], old[i], -freq, w, -1, beforeChange);
                }
                if (i < old.length - 2) {
                    // In "A B A B" the "B A" between two merged pairs is removed once, by the second.
                    boolean nextIsAlsoMerged = old[i + 2] == first && i < old.length - 3 && old[i + 3] == second;
                    if (!nextIsAlsoMerged) {
                        adjust(old[i + 1], old[i + 2], -freq, w, -1, beforeChange);
                    }
                }
                i += 2;
            } else {
                i++;
            }
        }
    }

    /** Each occurrence of the new symbol "AB" gains neighbours "X AB" and "AB Y". */
    private void addNewNeighbours(int w, int[] word, int merged, Consumer<Pair> beforeChange) {
        long freq = frequencies[w];
        for (int i = 0; i < word.length; i++) {
            if (word[i] != merged) {
                continue;
            }
            if (i > 0) {
                adjust(word[i - 1], word[i], freq, w, 1, beforeChange);
            }
            // In "AB AB" the pair "AB AB" is counted once, as the left neighbour of the second.
            if (i < word.length - 1 && word[i + 1] != merged) {
                adjust(word[i], word[i + 1], freq, w, 1, beforeChange);
            }
        }
    }

    private void adjust(int left, int right, long delta, int w, int occurrences, Consumer<Pair> beforeChange) {
        Pair pair = pair(left, right);
        beforeChange.accept(pair);
        pair.count += delta;
        pair.words.merge(w, occurrences, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Replaces every non-overlapping "A B", left to right, by "AB". */
    private static int[] replace(int[] word, int first, int second, int merged) {
        int[] out = new int[word.length];
        int n = 0;
        for (int i = 0; i < word.length; i++) {
            if (i + 1 < word.length && word[i] == first && word[i + 1] == second) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = word[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private Pair pair(int left, int right) {
        return pairs.computeIfAbsent(((long) left << 32) | (right & 0xFFFFFFFFL), key -> new Pair(left, right));
    }

    private int intern(String symbol) {
        Integer id = symbolIds.get(symbol);
        if (id == null) {
            id = symbols.size();
            symbols.add(symbol);
            symbolIds.put(symbol, id);
        }
        return id;
    }
}
