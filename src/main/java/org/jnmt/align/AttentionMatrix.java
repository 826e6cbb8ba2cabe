package org.jnmt.align;

import java.util.List;

/**
 * The attention of one translated sentence: {@code weights[t][s]} is how much target token t
 * attended to source token s, shape [targetTokens.size()][sourceTokens.size()]. The array is not
 * copied.
 */
public record AttentionMatrix(List<String> sourceTokens, List<String> targetTokens, float[][] weights) {

    public AttentionMatrix {
        sourceTokens = List.copyOf(sourceTokens);
        targetTokens = List.copyOf(targetTokens);
        if (weights.length != targetTokens.size()) {
            throw new IllegalArgumentException(
                    "attention has " + weights.length + " rows for " + targetTokens.size() + " target tokens");
        }
        for (int t = 0; t < weights.length; t++) {
            if (weights[t].length != sourceTokens.size()) {
                throw new IllegalArgumentException("attention row " + t + " has " + weights[t].length + " columns for "
                        + sourceTokens.size() + " source tokens");
            }
        }
    }
}
