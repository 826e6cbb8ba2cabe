package org.jnmt.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What {@code training.batch_size} counts. */
public enum BatchType {
    /** Sentence pairs. */
    @JsonProperty("sentences")
    SENTENCES,
    /** Padded target tokens (rows times the longest target, EOS included). */
    @JsonProperty("tokens")
    TOKENS
}
