package org.jnmt.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where {@code nmt prepare} takes the word alignment of the training pairs from ({@code data.alignment}). */
public enum AlignmentSource {
    /** No alignment is prepared. */
    @JsonProperty("none")
    NONE,
    /** The built-in aligner (fast_align's IBM Model 2, both directions, grow-diag-final-and). */
    @JsonProperty("ibm2")
    IBM2,
    /** A Pharaoh file from another aligner ({@code data.alignment_file}), over the words of data.train. */
    @JsonProperty("file")
    FILE
}
