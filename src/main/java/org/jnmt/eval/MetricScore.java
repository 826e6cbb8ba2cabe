package org.jnmt.eval;

/** A corpus- or sentence-level score as sacreBLEU prints it: a name, a number and optional details. */
public interface MetricScore {

    /** The metric's name as printed: {@code BLEU}, {@code chrF2}, {@code chrF2++}. */
    String name();

    /** The score, 0 to 100. */
    double score();

    /** What sacreBLEU prints after the score (BLEU's precisions and lengths), or "" for none. */
    String verbose();
}
