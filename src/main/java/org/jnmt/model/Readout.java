package org.jnmt.model;

import org.jnmt.util.NmtException;

import java.util.Locale;

/** The optional layer between the features [s_i; c_i; E y_{i-1}] and the vocabulary projection. */
public enum Readout {
    /** The features go straight to the vocabulary projection. */
    NONE,
    /** {@code t = tanh(W_r f + b_r)}. */
    TANH,
    /** Maxout with pieces of 2 (Bahdanau et al. 2015, appendix A.2.2): {@code t_k = max(u_k, u_{R+k})}, u = W_r f + b_r. */
    MAXOUT;

    /** Reads the config value {@code model.readout}: none, tanh or maxout. */
    public static Readout parse(String value) {
        for (Readout r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(value)) {
                return r;
            }
        }
        throw new NmtException("model.readout must be none, tanh or maxout, not '" + value + "'.");
    }
}
