package org.jnmt.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies BPE codes to whitespace-separated tokens exactly as subword-nmt 0.3.8's apply_bpe does
 * (Sennrich et al. 2016): a word is split into characters, the last one carrying {@code </w>}
 * (codes version 0.2); then, repeatedly, among the adjacent symbol pairs that are merges, the one
 * learned earliest is merged at every non-overlapping position from left to right, until no pair is
 * a merge. A one-character word is left alone. Every subword but the last of a word gets the
 * continuation mark {@code @@}, so removing {@code "@@ "} from the output gives back the input.
 * Results are cached per word. Thread-safe.
 */
public final class BpeEncoder {

    /** The continuation mark on every non-final subword of a word. */
    public static final String SEPARATOR = "@@";

    private static final int CACHE_LIMIT = 1 << 20;

    private final Map<BpeCodes.Merge, Integer> ranks = new HashMap<>();
    private final boolean endOfWordAttached;
    private final Map<String, String[]> cache = new ConcurrentHashMap<>();

    public BpeEncoder(BpeCodes codes) {
        List<BpeCodes.Merge> merges = codes.merges();
        for (int rank = 0; rank < merges.size(); rank++) {
            ranks.putIfAbsent(merges.get(rank), rank); // a duplicate merge keeps its first rank
        }
        this.endOfWordAttached = codes.endOfWordAttached();
    }

    /** The subwords of one word (no spaces), without continuation marks. */
    public String[] segment(String word) {
        String[] cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        String[] result = computeSegments(word);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(word, result);
        }
        return result;
    }

    /** BPE tokens of a token sequence: non-final subwords of each token end with {@code @@}. */
    public List<String> apply(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size() * 2);
        for (String token : tokens) {
            String[] subwords = segment(token);
            for (int i = 0; i < subwords.length - 1; i++) {
                out.add(subwords[i] + SEPARATOR);
            }
            out.add(subwords[subwords.length - 1]);
        }
        return out;
    }

    /**
     * Segments one line the way subword-nmt's {@code process_line} does: words are separated by
     * single spaces (a run of spaces counts as one; tabs and other whitespace are part of a word),
     * and leading and trailing spaces are kept.
     */
    public String applyLine(String line) {
        int start = SubwordNmtText.strippedStart(line);
        int end = SubwordNmtText.strippedEnd(line, start);
        List<String> words = new ArrayList<>();
        for (String word : line.substring(start, end).split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        StringBuilder out = new StringBuilder(line.length() * 2);
        out.append(line, 0, start);
        out.append(String.join(" ", apply(words)));
        if (end < line.length() && start < end) {
            out.append(line, end, line.length());
        }
        return out.toString();
    }

    /** Undoes BPE on a line: removes every {@code "@@ "} and a final {@code "@@"}. */
    public static String removeMarks(String line) {
        String joined = line.replace(SEPARATOR + " ", "");
        return joined.endsWith(SEPARATOR) ? joined.substring(0, joined.length() - SEPARATOR.length()) : joined;
    }

    private String[] computeSegments(String word) {
        int length = word.codePointCount(0, word.length());
        if (length <= 1) {
            return new String[] {word};
        }
        List<String> symbols = new ArrayList<>(length + 1);
        word.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
        if (endOfWordAttached) {
            symbols.set(length - 1, symbols.get(length - 1) + BpeCodes.END_OF_WORD);
        } else {
            symbols.add(BpeCodes.END_OF_WORD);
        }
        while (symbols.size() > 1) {
            BpeCodes.Merge best = null;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = ranks.get(new BpeCodes.Merge(symbols.get(i), symbols.get(i + 1)));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = new BpeCodes.Merge(symbols.get(i), symbols.get(i + 1));
                }
            }
            if (best == null) {
                break;
            }
            mergeAll(symbols, best);
        }
        String last = symbols.get(symbols.size() - 1);
        if (last.equals(BpeCodes.END_OF_WORD)) {
            symbols.remove(symbols.size() - 1);
        } else if (last.endsWith(BpeCodes.END_OF_WORD)) {
            symbols.set(symbols.size() - 1, last.substring(0, last.length() - BpeCodes.END_OF_WORD.length()));
        }
        return symbols.toArray(new String[0]);
    }

    /** Merges every occurrence of the pair, left to right, skipping overlaps ({@code x x x -> xx x}). */
    private static void mergeAll(List<String> symbols, BpeCodes.Merge pair) {
        List<String> merged = new ArrayList<>(symbols.size());
        String joined = pair.merged();
        int i = 0;
        while (i < symbols.size()) {
            if (i + 1 < symbols.size()
                    && symbols.get(i).equals(pair.left())
                    && symbols.get(i + 1).equals(pair.right())) {
                merged.add(joined);
                i += 2;
            } else {
                merged.add(symbols.get(i));
                i++;
            }
        }
        symbols.clear();
        symbols.addAll(merged);
    }
}
