package org.jnmt.cli;

/** Where {@code nmt align} takes its word alignments from. */
enum AlignMethod {
    /** The attention of a model's forced decoding. */
    ATTENTION("attention"),
    /** fast_align's reparameterised IBM Model 2, trained on the sentence pairs themselves. */
    IBM2("ibm2"),
    /** No model: each target word linked to the source word at the same relative position. */
    DIAGONAL("diagonal");

    private final String spelling;

    AlignMethod(String spelling) {
        this.spelling = spelling;
    }

    /** The spelling that --method takes and --help shows. */
    @Override
    public String toString() {
        return spelling;
    }
}
