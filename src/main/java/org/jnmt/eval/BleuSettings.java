package org.jnmt.eval;

/**
 * How BLEU is computed; the defaults are sacreBLEU's: 13a tokenizer, case-sensitive, exponential
 * smoothing, no effective order (sacreBLEU turns it on for sentence-level scores).
 *
 * @param tokenizer      the tokenizer
 * @param lowercase      lowercase hypotheses and references before tokenizing
 * @param smoothing      the smoothing of zero precisions
 * @param smoothValue    the value for {@code floor} and {@code add-k}; null for the method's default
 * @param effectiveOrder average only over the n-gram orders the hypothesis has (for sentence BLEU)
 */
public record BleuSettings(
        TokenizerName tokenizer,
        boolean lowercase,
        SmoothingMethod smoothing,
        Double smoothValue,
        boolean effectiveOrder) {

    public BleuSettings {
        if (tokenizer == null) {
            throw new IllegalArgumentException("tokenizer must not be null");
        }
        if (smoothing == null) {
            throw new IllegalArgumentException("smoothing must not be null");
        }
    }

    /** sacreBLEU's defaults. */
    public static BleuSettings defaults() {
        return new BleuSettings(TokenizerName.MTEVAL_13A, false, SmoothingMethod.EXP, null, false);
    }

    /** The smoothing value in effect: the one given, or the method's default. */
    public double effectiveSmoothValue() {
        return smoothValue != null ? smoothValue : smoothing.defaultValue();
    }

    public BleuSettings withTokenizer(TokenizerName name) {
        return new BleuSettings(name, lowercase, smoothing, smoothValue, effectiveOrder);
    }

    public BleuSettings withLowercase(boolean lower) {
        return new BleuSettings(tokenizer, lower, smoothing, smoothValue, effectiveOrder);
    }

    public BleuSettings withSmoothing(SmoothingMethod method, Double value) {
        return new BleuSettings(tokenizer, lowercase, method, value, effectiveOrder);
    }

    public BleuSettings withEffectiveOrder(boolean effective) {
        return new BleuSettings(tokenizer, lowercase, smoothing, smoothValue, effective);
    }
}
