package org.jnmt.align;

import java.util.ArrayList;
import java.util.List;

/**
 * Attention pooled from tokens (subword pieces, pre-tokeniser splits) to whitespace-separated words,
 * and the alignments read from it.
 *
 * <p>Pooling, for a token matrix a[t][s] whose rows are distributions over source tokens:
 * <ul>
 *   <li>a source word's column is the <b>sum</b> of its pieces' columns, so each row stays a
 *       distribution over source words (the attention a target token paid to any piece of the
 *       word is attention paid to the word);</li>
 *   <li>a target word's row is the <b>mean</b> of its pieces' rows, so it is again a distribution
 *       and a word split into many pieces does not count more than one that is not.</li>
 * </ul>
 * Tokens mapped to word -1 (BOS/EOS and other special tokens) are dropped. Their mass is not
 * spread over the words, so a word row sums to 1 minus what its pieces paid to dropped source
 * tokens. A word that has no token at all keeps a zero row or column; a zero target row gets no
 * hard link.
 */
public final class WordAttention {

    /** [targetWords][sourceWords] */
    private final double[][] weights;

    private WordAttention(double[][] weights) {
        this.weights = weights;
    }

    /**
     * Pools a token-level matrix to words.
     *
     * @param attention    [targetTokens][sourceTokens], rows summing to 1 over the source tokens
     * @param targetWordOf for each target token, its word index in [0, targetWords) or -1 to drop it
     * @param targetWords  the number of target words
     * @param sourceWordOf for each source token, its word index in [0, sourceWords) or -1 to drop it
     * @param sourceWords  the number of source words
     */
    public static WordAttention pool(
            float[][] attention, int[] targetWordOf, int targetWords, int[] sourceWordOf, int sourceWords) {
        if (attention.length != targetWordOf.length) {
            throw new IllegalArgumentException("attention has " + attention.length
                    + " target rows but the target word map has " + targetWordOf.length + " tokens");
        }
        checkWordMap(targetWordOf, targetWords, "target");
        checkWordMap(sourceWordOf, sourceWords, "source");
        double[][] summed = new double[targetWords][sourceWords]; // [targetWords][sourceWords]
        int[] piecesPerTargetWord = new int[targetWords];
        for (int t = 0; t < attention.length; t++) {
            if (attention[t].length != sourceWordOf.length) {
                throw new IllegalArgumentException("attention row " + t + " has " + attention[t].length
                        + " source columns but the source word map has " + sourceWordOf.length + " tokens");
            }
            int targetWord = targetWordOf[t];
            if (targetWord < 0) {
                continue;
            }
            piecesPerTargetWord[targetWord]++;
            for (int s = 0; s < sourceWordOf.length; s++) {
                if (sourceWordOf[s] >= 0) {
                    summed[targetWord][sourceWordOf[s]] += attention[t][s];
                }
            }
        }
        for (int w = 0; w < targetWords; w++) {
            if (piecesPerTargetWord[w] > 1) {
                for (int s = 0; s < sourceWords; s++) {
                    summed[w][s] /= piecesPerTargetWord[w];
                }
            }
        }
        return new WordAttention(summed);
    }

    /**
     * Pools a sentence's token attention to the whitespace-separated words of its source and target
     * text, finding each token's word with {@link TokenWordMap}; special tokens are dropped.
     */
    public static WordAttention pool(AttentionMatrix attention, List<String> sourceWords, List<String> targetWords) {
        return pool(
                attention.weights(),
                TokenWordMap.wordIndices(attention.targetTokens(), targetWords),
                targetWords.size(),
                TokenWordMap.wordIndices(attention.sourceTokens(), sourceWords),
                sourceWords.size());
    }

    /** Wraps a matrix that is already at word level, [targetWords][sourceWords]. */
    public static WordAttention ofWords(double[][] weights) {
        int sourceWords = weights.length == 0 ? 0 : weights[0].length;
        double[][] copy = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            if (weights[t].length != sourceWords) {
                throw new IllegalArgumentException(
                        "row " + t + " has " + weights[t].length + " columns, row 0 has " + sourceWords);
            }
            copy[t] = weights[t].clone();
        }
        return new WordAttention(copy);
    }

    private static void checkWordMap(int[] wordOf, int words, String side) {
        for (int i = 0; i < wordOf.length; i++) {
            if (wordOf[i] < -1 || wordOf[i] >= words) {
                throw new IllegalArgumentException(
                        side + " token " + i + " maps to word " + wordOf[i] + ", outside [-1, " + words + ")");
            }
        }
    }

    public int targetWords() {
        return weights.length;
    }

    public int sourceWords() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** A copy of the word-level matrix, [targetWords][sourceWords]; these are the soft-alignment rows. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            copy[t] = weights[t].clone();
        }
        return copy;
    }

    /**
     * The hard alignment: for each target word, one link to the source word of maximum weight (the
     * first one on a tie), as Marian's and fairseq's {@code --alignment hard} do. Target words with
     * an all-zero row stay unaligned. Sorted by source, then target index.
     */
    public List<Link> hardAlignment() {
        List<Link> links = new ArrayList<>();
        for (int t = 0; t < weights.length; t++) {
            int best = -1;
            for (int s = 0; s < weights[t].length; s++) {
                if (weights[t][s] > 0 && (best < 0 || weights[t][s] > weights[t][best])) {
                    best = s;
                }
            }
            if (best >= 0) {
                links.add(new Link(best, t));
            }
        }
        links.sort(null);
        return links;
    }

    /**
     * The links whose weight is at least {@code threshold} (Marian's {@code --alignment P}): a
     * target word may link to several source words, or to none when its attention is spread.
     * A threshold of 0 means {@link #hardAlignment}. Sorted by source, then target index.
     *
     * @param threshold in [0, 1]
     */
    public List<Link> alignment(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("an attention threshold is in [0, 1], not " + threshold);
        }
        if (threshold == 0) {
            return hardAlignment();
        }
        List<Link> links = new ArrayList<>();
        for (int t = 0; t < weights.length; t++) {
            for (int s = 0; s < weights[t].length; s++) {
                if (weights[t][s] >= threshold) {
                    links.add(new Link(s, t));
                }
            }
        }
        links.sort(null);
        return links;
    }

    /**
     * The mean of this src→tgt attention and the attention of a tgt→src model on the same sentence
     * pair turned round (its rows are this pair's source words): cell (t, s) is the mean of what
     * target word t paid to source word s and what source word s paid to target word t. The soft
     * counterpart of combining the two directions' links; its {@link #alignment} reads the links.
     */
    public WordAttention averagedWith(WordAttention reverse) {
        if (reverse.targetWords() != sourceWords() || reverse.sourceWords() != targetWords()) {
            throw new IllegalArgumentException("a tgt->src matrix of " + reverse.targetWords() + "x"
                    + reverse.sourceWords() + " words does not turn round onto " + targetWords() + "x"
                    + sourceWords());
        }
        double[][] mean = new double[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            mean[t] = new double[weights[t].length];
            for (int s = 0; s < weights[t].length; s++) {
                mean[t][s] = (weights[t][s] + reverse.weights[s][t]) / 2;
            }
        }
        return new WordAttention(mean);
    }

    /**
     * For the attention of a tgt→src model (its target words are the pair's source words): its hard
     * alignment turned round into source-target orientation, so each source word of the pair has
     * one link, to the target word it attended to most. Sorted by source, then target index.
     */
    public List<Link> invertedHardAlignment() {
        return invertedAlignment(0);
    }

    /** {@link #alignment} of a tgt→src model's attention, turned round as {@link #invertedHardAlignment} does. */
    public List<Link> invertedAlignment(double threshold) {
        List<Link> links = new ArrayList<>();
        for (Link link : alignment(threshold)) {
            links.add(link.inverted());
        }
        links.sort(null);
        return links;
    }
}
