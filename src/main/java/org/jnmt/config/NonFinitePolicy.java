package org.jnmt.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What to do when a batch gives a NaN or infinite loss or gradient norm ({@code training.on_non_finite}). */
public enum NonFinitePolicy {
    /** End training with an error. */
    @JsonProperty("stop")
    STOP,
    /** Drop the batch's update and carry on. */
    @JsonProperty("skip")
    SKIP
}
