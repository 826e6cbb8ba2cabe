package org.jnmt.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The optional layer between the features [s_i; c_i; E y_{i-1}] and the vocabulary projection ({@code model.readout}). */
public enum Readout {
    /** The features go straight to the vocabulary projection. */
    @JsonProperty("none")
    NONE,
    /** {@code t = tanh(W_r f + b_r)}. */
    @JsonProperty("tanh")
    TANH,
    /** Maxout with pieces of 2 (Bahdanau et al. 2015, appendix A.2.2): {@code t_k = max(u_k, u_{R+k})}, u = W_r f + b_r. */
    @JsonProperty("maxout")
    MAXOUT
}
