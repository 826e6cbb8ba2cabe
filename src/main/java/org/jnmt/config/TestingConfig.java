package org.jnmt.config;

/** The {@code testing:} section: defaults for translation. */
public class TestingConfig {

    /** Beam size (1: greedy). */
    public int beam = 5;
    /** GNMT length-normalisation exponent: score / ((5 + len) / 6)^alpha. */
    public double alpha = 0.6;
    /** Maximum output length as a multiple of the source length (plus 10). */
    public double maxOutputRatio = 2.0;
    /** Sentences translated together. */
    public int batchSize = 32;
}
