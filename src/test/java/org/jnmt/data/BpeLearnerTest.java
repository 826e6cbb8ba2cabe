package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BPE learning against subword-nmt 0.3.8's learn_bpe, derived by hand: words are characters with
 * {@code </w>} glued to the last; each step takes the pair with the highest count, ties broken by
 * the greatest (left, right) in code-point order (Python's {@code max(stats, key=lambda x:
 * (stats[x], x))}); learning stops when the best count is below the minimum frequency.
 */
class BpeLearnerTest {

    private static List<String> learn(Map<String, Long> words, int merges, int minFrequency) {
        return BpeLearner.learn(words, merges, minFrequency).merges().stream()
                .map(m -> m.left() + " " + m.right())
                .toList();
    }

    /**
     * low x5, lower x2, newest x6, widest x3 (Sennrich et al. 2016's example). Pair counts at the
     * start: (e,s)=9 and (s,t</w>)=9 tie, and "s" > "e", so "s t</w>" comes first; then "e st</w>"
     * (9), "l o" (7); three pairs tie at 6, (n,e), (e,w), (w,est</w>), and "w" is greatest; merging
     * it drops (e,w) to 0, so "n e" and then "ne west</w>" follow; "lo w</w>" (5); at 3 "w i" beats
     * "i d" and "d est</w>"; at 2 "w e" beats "lo w" and "e r</w>". Then no pair is left.
     */
    @Test
    void learnsTheHandDerivedMergesInOrder() {
        Map<String, Long> words = Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L);
        assertEquals(BpeEncoderTest.TOY_CODES, learn(words, 100, 1));
        assertEquals(BpeEncoderTest.TOY_CODES.subList(0, 4), learn(words, 4, 1));
    }

    @Test
    void stopsWhenNoPairReachesTheMinimumFrequency() {
        Map<String, Long> words = Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L);
        // With the default minimum of 2 every toy merge still qualifies (the last ones have count 2).
        assertEquals(BpeEncoderTest.TOY_CODES, learn(words, 100, 2));
        // At 3: the merges with count 2 ("w e", "we r</w>", "lo wer</w>") are never learned.
        assertEquals(BpeEncoderTest.TOY_CODES.subList(0, 10), learn(words, 100, 3));
        assertEquals(List.of(), learn(Map.of("ab", 1L, "c", 9L), 10, 2));
    }

    @Test
    void breaksTiesByCodePointNotByUtf16() {
        // U+FF21 (a BMP char) sorts below U+1F600 by code point but above it in UTF-16 units.
        Map<String, Long> words = Map.of("x\uFF21", 2L, "x\uD83D\uDE00", 2L);
        assertEquals(List.of("x \uD83D\uDE00</w>", "x \uFF21</w>"), learn(words, 10, 2));
    }

    @Test
    void countsWordsAsSubwordNmtDoes() {
        Map<String, Long> counts = new HashMap<>();
        BpeLearner.countWords("  a  b\ta a \r", counts);
        assertEquals(Map.of("a", 2L, "b\ta", 1L), counts);
    }

    /** The incremental statistics give the same merges as recounting every pair after each merge. */
    @Test
    void agreesWithANaiveRecountOnRandomCorpora() {
        Random random = new Random(11);
        for (int corpus = 0; corpus < 40; corpus++) {
            Map<String, Long> words = new LinkedHashMap<>();
            for (int w = 0; w < 30; w++) {
                StringBuilder word = new StringBuilder();
                int length = 1 + random.nextInt(7);
                for (int i = 0; i < length; i++) {
                    word.append("aab\u00E9".charAt(random.nextInt(4)));
                }
                words.merge(word.toString(), 1L + random.nextInt(5), Long::sum);
            }
            assertEquals(naiveLearn(words, 60, 2), learn(words, 60, 2), "corpus " + corpus);
        }
    }

    /** subword-nmt's algorithm without any index: recount all pairs before each merge. */
    private static List<String> naiveLearn(Map<String, Long> words, int merges, int minFrequency) {
        List<List<String>> segmented = new ArrayList<>();
        List<Long> freqs = new ArrayList<>();
        words.forEach((word, freq) -> {
            List<String> symbols = new ArrayList<>();
            word.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
            symbols.set(symbols.size() - 1, symbols.get(symbols.size() - 1) + "</w>");
            segmented.add(symbols);
            freqs.add(freq);
        });
        List<String> learned = new ArrayList<>();
        while (learned.size() < merges) {
            Map<List<String>, Long> counts = new HashMap<>();
            for (int w = 0; w < segmented.size(); w++) {
                List<String> s = segmented.get(w);
                for (int i = 0; i + 1 < s.size(); i++) {
                    counts.merge(List.of(s.get(i), s.get(i + 1)), freqs.get(w), Long::sum);
                }
            }
            List<String> best = null;
            long bestCount = 0;
            for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
                List<String> pair = e.getKey();
                int cmp = best == null ? 1 : Long.compare(e.getValue(), bestCount);
                if (cmp == 0) {
                    int left = BpeLearner.compareCodePoints(pair.get(0), best.get(0));
                    cmp = left != 0 ? left : BpeLearner.compareCodePoints(pair.get(1), best.get(1));
                }
                if (cmp > 0) {
                    best = pair;
                    bestCount = e.getValue();
                }
            }
            if (best == null || bestCount < minFrequency) {
                break;
            }
            learned.add(best.get(0) + " " + best.get(1));
            for (List<String> s : segmented) {
                List<String> merged = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    if (i + 1 < s.size()
                            && s.get(i).equals(best.get(0))
                            && s.get(i + 1).equals(best.get(1))) {
                        merged.add(best.get(0) + best.get(1));
                        i++;
                    } else {
                        merged.add(s.get(i));
                    }
                }
                s.clear();
                s.addAll(merged);
            }
        }
        assertTrue(learned.size() <= merges);
        return learned;
    }
}
