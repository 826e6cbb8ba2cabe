package org.jnmt.eval;

/**
 * BLEU's smoothing of zero n-gram precisions, after Chen and Cherry (2014), "A Systematic Comparison
 * of Smoothing Techniques for Sentence-Level BLEU", as sacreBLEU implements them.
 */
public enum SmoothingMethod {
    /** No smoothing: one zero precision makes BLEU 0. */
    NONE("none", null),
    /** Method 1: a zero match count becomes {@code value} (default 0.1). */
    FLOOR("floor", 0.1),
    /** Method 2: adds {@code value} (default 1) to the matches and totals of orders 2 and above. */
    ADD_K("add-k", 1.0),
    /** Method 3, mteval-v13a's: the k-th zero precision becomes 1 / (2^k · total). */
    EXP("exp", null);

    private final String cliName;
    private final Double defaultValue;

    SmoothingMethod(String cliName, Double defaultValue) {
        this.cliName = cliName;
        this.defaultValue = defaultValue;
    }

    /** The name sacreBLEU uses on its command line and in the signature. */
    public String cliName() {
        return cliName;
    }

    /** The {@link #cliName()}, which is how the command line lists and takes the methods. */
    @Override
    public String toString() {
        return cliName;
    }

    /** Whether the method takes a value ({@code floor}, {@code add-k}). */
    public boolean takesValue() {
        return defaultValue != null;
    }

    /** The value used when none is given; meaningful only when {@link #takesValue()}. */
    public double defaultValue() {
        return defaultValue == null ? 0 : defaultValue;
    }
}
