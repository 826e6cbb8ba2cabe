package org.jnmt.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jnmt.util.NmtException;

/**
 * Token ↔ id. Ids 0..3 are the special tokens of {@link SpecialTokens}; the other tokens follow by
 * descending frequency (ties in code-point order of the token). Saved as plain UTF-8 text, one token
 * a line in id order, with its training frequency as an optional second column:
 * <pre>
 * &lt;pad&gt;
 * &lt;unk&gt;
 * &lt;s&gt;
 * &lt;/s&gt;
 * the 23112
 * ￭. 21870
 * </pre>
 */
public final class Vocabulary {

    /** The frequency of a token whose frequency is not known (specials, or files without counts). */
    public static final long UNKNOWN_COUNT = -1;

    private final List<String> tokens;
    private final long[] counts;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens, long[] counts) {
        this.tokens = List.copyOf(tokens);
        this.counts = counts;
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /**
     * Keeps the tokens seen at least {@code minFrequency} times, the most frequent first, at most
     * {@code maxSize} entries in all, specials included (0: no limit).
     */
    public static Vocabulary build(Map<String, Long> counts, int minFrequency, int maxSize) {
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        List<String> specials = SpecialTokens.ALL;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getValue() >= minFrequency && !specials.contains(entry.getKey())) {
                kept.add(entry);
            }
        }
        kept.sort((a, b) -> {
            int byCount = Long.compare(b.getValue(), a.getValue());
            return byCount != 0 ? byCount : BpeLearner.compareCodePoints(a.getKey(), b.getKey());
        });
        int limit = maxSize > 0 ? Math.max(0, maxSize - SpecialTokens.ALL.size()) : kept.size();
        List<String> tokens = new ArrayList<>(specials);
        long[] tokenCounts = new long[SpecialTokens.ALL.size() + Math.min(limit, kept.size())];
        Arrays.fill(tokenCounts, 0, SpecialTokens.ALL.size(), UNKNOWN_COUNT);
        for (int i = 0; i < Math.min(limit, kept.size()); i++) {
            tokens.add(kept.get(i).getKey());
            tokenCounts[SpecialTokens.ALL.size() + i] = kept.get(i).getValue();
        }
        return new Vocabulary(tokens, tokenCounts);
    }

    public int size() {
        return tokens.size();
    }

    /** The id of a token, {@link SpecialTokens#UNK} when it is not in the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? SpecialTokens.UNK : id;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException(
                    "token id " + id + " outside the vocabulary (size " + tokens.size() + ")");
        }
        return tokens.get(id);
    }

    /** The training frequency of a token, or {@link #UNKNOWN_COUNT}. */
    public long count(int id) {
        return counts[id];
    }

    /** All tokens in id order. */
    public List<String> tokens() {
        return tokens;
    }

    public void save(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < tokens.size(); i++) {
                out.write(counts[i] == UNKNOWN_COUNT ? tokens.get(i) : tokens.get(i) + " " + counts[i]);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write vocabulary: " + e.getMessage(), e);
        }
    }

    /** Reads a saved vocabulary; any malformed line is an error naming {@code FILE:LINE}. */
    public static Vocabulary load(Path file) {
        List<String> tokens = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        try (LineReader reader = LineReader.open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                long number = reader.lineNumber();
                String[] fields = line.split("[ \t]", -1);
                if (line.isEmpty() || fields[0].isEmpty() || fields.length > 2) {
                    throw NmtException.at(
                            file,
                            number,
                            "expected a token and an optional frequency separated by one space, got '" + line + "'");
                }
                String token = fields[0];
                if (number <= SpecialTokens.ALL.size() && !token.equals(SpecialTokens.ALL.get((int) number - 1))) {
                    throw NmtException.at(
                            file,
                            number,
                            "expected the special token " + SpecialTokens.ALL.get((int) number - 1)
                                    + " (the first lines must be " + String.join(", ", SpecialTokens.ALL) + ")");
                }
                Long previous = firstLine.putIfAbsent(token, number);
                if (previous != null) {
                    throw NmtException.at(
                            file, number, "duplicate token '" + token + "' (first on line " + previous + ")");
                }
                tokens.add(token);
                counts.add(fields.length == 2 ? parseCount(file, number, fields[1]) : UNKNOWN_COUNT);
            }
        }
        if (tokens.size() < SpecialTokens.ALL.size()) {
            throw new NmtException(file + ": missing special tokens: a vocabulary starts with "
                    + String.join(", ", SpecialTokens.ALL) + " but this file has " + tokens.size() + " lines");
        }
        return new Vocabulary(tokens, counts.stream().mapToLong(Long::longValue).toArray());
    }

    private static long parseCount(Path file, long line, String field) {
        try {
            long count = Long.parseLong(field);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw NmtException.at(file, line, "frequency '" + field + "' is not a non-negative integer");
    }
}
