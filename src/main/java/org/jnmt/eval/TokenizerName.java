package org.jnmt.eval;

/** sacreBLEU's BLEU tokenizers, spelt ({@link #toString}) as its {@code --tokenize} option takes them. */
public enum TokenizerName {
    /** mteval-v13a's tokenization, sacreBLEU's default. */
    MTEVAL_13A("13a"),
    /** mteval-v14's international tokenization (Unicode punctuation and symbols). */
    INTL("intl"),
    /** Every code point a token (for languages written without spaces). */
    CHAR("char"),
    /** The segment as it is. */
    NONE("none");

    private final String sacrebleuName;

    TokenizerName(String sacrebleuName) {
        this.sacrebleuName = sacrebleuName;
    }

    /** A new tokenizer of this kind. */
    public Tokenizer create() {
        return switch (this) {
            case MTEVAL_13A -> new Tokenizer13a();
            case INTL -> new TokenizerIntl();
            case CHAR -> new TokenizerChar();
            case NONE -> new TokenizerNone();
        };
    }

    /** The name sacreBLEU uses on its command line and in the signature ({@code tok:13a}). */
    @Override
    public String toString() {
        return sacrebleuName;
    }
}
