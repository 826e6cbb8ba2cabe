package org.jnmt.eval;

/**
 * A chrF score (Popović, 2015), 0 to 100, named as sacreBLEU names it: {@code chrF2}, or
 * {@code chrF2++} with word bigrams.
 */
public record ChrfScore(String name, double score) implements MetricScore {

    @Override
    public String verbose() {
        return "";
    }
}
