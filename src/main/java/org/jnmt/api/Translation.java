package org.jnmt.api;

import java.util.List;
import org.jnmt.align.WordAttention;
import org.jnmt.data.TextNormalizer;

/**
 * The translation of one sentence, with the attention that produced it.
 *
 * @param source       the input line as given
 * @param text         the translation, detokenised plain text ("" for an empty input)
 * @param score        the ranking score: log-probability / GNMT length penalty (log-probability for greedy)
 * @param logProb      the log-probability of the output tokens (EOS included)
 * @param sourceTokens the model's source tokens (subwords), then {@code </s>}; [S]
 * @param targetTokens the output tokens (subwords), then {@code </s>} when the output ended; [T]
 * @param attention    [T][S] attention weights: row i is what target token i attended to; each row
 *                     sums to 1
 * @param sourceWords  [S] for each source token, the index of its whitespace-separated word in the
 *                     input line (-1 for {@code </s>})
 * @param targetWords  [T] for each target token, the index of its word in {@code text} (-1 for {@code </s>})
 * @param truncated    true when the output was cut at the maximum output length before it ended
 */
public record Translation(
        String source,
        String text,
        double score,
        double logProb,
        List<String> sourceTokens,
        List<String> targetTokens,
        float[][] attention,
        int[] sourceWords,
        int[] targetWords,
        boolean truncated) {

    /** The translation of an empty (or blank) line: an empty line, no tokens, no attention. */
    static Translation empty(String source) {
        return new Translation(source, "", 0, 0, List.of(), List.of(), new float[0][0], new int[0], new int[0], false);
    }

    public boolean isEmpty() {
        return sourceTokens.isEmpty();
    }

    /**
     * The attention pooled from tokens to the whitespace-separated words of {@link #source} and
     * {@link #text} (BPE pieces and pre-tokeniser splits merged, {@code </s>} dropped):
     * [target words][source words], for word alignments such as {@code --alignments hard}.
     */
    public WordAttention wordAttention() {
        return WordAttention.pool(
                attention,
                targetWords,
                TextNormalizer.words(text).size(),
                sourceWords,
                TextNormalizer.words(source).size());
    }
}
