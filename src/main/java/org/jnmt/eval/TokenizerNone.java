package org.jnmt.eval;

/** sacreBLEU's {@code none} tokenizer: the segment as it is, for already tokenized text. */
public final class TokenizerNone implements Tokenizer {

    @Override
    public String tokenize(String segment) {
        return segment;
    }

    @Override
    public String signature() {
        return "none";
    }
}
