package org.jnmt.decode;

import org.jnmt.data.SpecialTokens;

/**
 * A finished translation of one source sentence.
 *
 * @param tokens    target ids, without BOS; ends with EOS unless the maximum length cut it
 * @param logProb   sum of the log-probabilities of the tokens
 * @param score     the ranking score: logProb / lengthPenalty(tokens.length) (GNMT; = logProb for greedy)
 * @param attention [tokens.length][srcLength] attention weights of each output token over the real
 *                  source positions (EOS of the source included); each row sums to 1
 */
public record Hypothesis(int[] tokens, double logProb, double score, float[][] attention) {

    /** True when the output reached EOS rather than the maximum length. */
    public boolean finished() {
        return tokens.length > 0 && tokens[tokens.length - 1] == SpecialTokens.EOS;
    }
}
