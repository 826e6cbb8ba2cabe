package org.jnmt.align;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jnmt.data.TextNormalizer;

/**
 * Sentence pairs as word ids, for the statistical aligner: each line is split into words at
 * whitespace (the words that alignment indices count), each distinct word of a side gets an id
 * from 1 up, and id 0 is left for the NULL word that a target word may align to.
 *
 * @param sources         the source words of each pair
 * @param targets         the target words of each pair
 * @param sourceWordCount one more than the largest source id (the NULL word included)
 * @param targetWordCount one more than the largest target id
 */
public record IndexedCorpus(int[][] sources, int[][] targets, int sourceWordCount, int targetWordCount) {

    /** The id of the NULL source word. */
    public static final int NULL_WORD = 0;

    public IndexedCorpus {
        if (sources.length != targets.length) {
            throw new IllegalArgumentException(sources.length + " source sentences but " + targets.length + " targets");
        }
    }

    /**
     * Indexes line-aligned texts; with {@code lowercase}, words that differ only in case get one id
     * (the indices of the words do not change).
     */
    public static IndexedCorpus of(List<String> sourceLines, List<String> targetLines, boolean lowercase) {
        if (sourceLines.size() != targetLines.size()) {
            throw new IllegalArgumentException(
                    sourceLines.size() + " source lines but " + targetLines.size() + " targets");
        }
        Map<String, Integer> sourceIds = new HashMap<>();
        Map<String, Integer> targetIds = new HashMap<>();
        int[][] sources = new int[sourceLines.size()][];
        int[][] targets = new int[targetLines.size()][];
        for (int s = 0; s < sources.length; s++) {
            sources[s] = ids(sourceLines.get(s), lowercase, sourceIds);
            targets[s] = ids(targetLines.get(s), lowercase, targetIds);
        }
        return new IndexedCorpus(sources, targets, sourceIds.size() + 1, targetIds.size() + 1);
    }

    public int size() {
        return sources.length;
    }

    /** The same pairs with source and target swapped, for the reverse direction. */
    public IndexedCorpus reversed() {
        return new IndexedCorpus(targets, sources, targetWordCount, sourceWordCount);
    }

    private static int[] ids(String line, boolean lowercase, Map<String, Integer> vocabulary) {
        List<String> words = TextNormalizer.words(TextNormalizer.normalize(line, lowercase));
        int[] ids = new int[words.size()];
        for (int w = 0; w < ids.length; w++) {
            ids[w] = vocabulary.computeIfAbsent(words.get(w), word -> vocabulary.size() + 1);
        }
        return ids;
    }
}
