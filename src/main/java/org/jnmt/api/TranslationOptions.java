package org.jnmt.api;

import org.jnmt.config.TestingConfig;
import org.jnmt.decode.SearchOptions;

/**
 * How to translate.
 *
 * @param beam           beam size K (1: greedy search)
 * @param alpha          GNMT length-normalisation exponent
 * @param nBest          hypotheses returned per sentence (at most K)
 * @param maxOutputRatio the output is cut at maxOutputRatio * source tokens + 10 tokens
 *                       (and at {@link SearchOptions#MAX_OUTPUT_TOKENS})
 * @param batchSize      sentences decoded together
 * @param replaceUnk     replace each {@code <unk>} of the output by the source word it attends to most
 */
public record TranslationOptions(
        int beam, double alpha, int nBest, double maxOutputRatio, int batchSize, boolean replaceUnk) {

    public TranslationOptions {
        if (beam < 1) {
            throw new IllegalArgumentException("the beam size must be at least 1, not " + beam);
        }
        if (nBest < 1 || nBest > beam) {
            throw new IllegalArgumentException("n-best must be between 1 and the beam size " + beam + ", not " + nBest);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
        if (!(maxOutputRatio > 0)) {
            throw new IllegalArgumentException("the maximum output ratio must be positive, not " + maxOutputRatio);
        }
    }

    /** The defaults of a model's {@code testing:} section. */
    public static TranslationOptions of(TestingConfig testing) {
        return new TranslationOptions(testing.beam, testing.alpha, 1, testing.maxOutputRatio, testing.batchSize, false);
    }

    public TranslationOptions withBeam(int k) {
        return new TranslationOptions(k, alpha, Math.min(nBest, k), maxOutputRatio, batchSize, replaceUnk);
    }

    public TranslationOptions withNBest(int n) {
        return new TranslationOptions(beam, alpha, n, maxOutputRatio, batchSize, replaceUnk);
    }

    public TranslationOptions withBatchSize(int n) {
        return new TranslationOptions(beam, alpha, nBest, maxOutputRatio, n, replaceUnk);
    }

    public TranslationOptions withAlpha(double a) {
        return new TranslationOptions(beam, a, nBest, maxOutputRatio, batchSize, replaceUnk);
    }

    public TranslationOptions withMaxOutputRatio(double ratio) {
        return new TranslationOptions(beam, alpha, nBest, ratio, batchSize, replaceUnk);
    }

    public TranslationOptions withReplaceUnk(boolean replace) {
        return new TranslationOptions(beam, alpha, nBest, maxOutputRatio, batchSize, replace);
    }

    SearchOptions search() {
        return new SearchOptions(beam, alpha, nBest, maxOutputRatio);
    }
}
