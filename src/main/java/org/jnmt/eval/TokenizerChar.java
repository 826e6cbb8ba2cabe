package org.jnmt.eval;

/** sacreBLEU's {@code char} tokenizer: every code point is a token (whitespace then drops out). */
public final class TokenizerChar implements Tokenizer {

    @Override
    public String tokenize(String segment) {
        return String.join(" ", PythonStrings.characters(segment));
    }

    @Override
    public String signature() {
        return "char";
    }
}
