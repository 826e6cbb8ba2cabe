package org.jnmt.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where the decoder queries the attention ({@code model.decoder}). */
public enum DecoderType {
    /**
     * The paper's order (Bahdanau et al. 2015, section 3.1): the attention is queried with the previous
     * state s_{i-1}, before the word y_{i-1} is read.
     */
    @JsonProperty("gru")
    GRU,
    /**
     * The conditional GRU of Nematus and Marian (Sennrich et al. 2017, section 2): a first GRU transition
     * reads y_{i-1}, its state queries the attention, a second transition reads the context.
     */
    @JsonProperty("cgru")
    CGRU;

    /** The spelling of the config file and of {@code nmt bench --decoder}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
