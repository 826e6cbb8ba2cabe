package org.jnmt.eval;

/**
 * One of sacreBLEU's BLEU tokenizers: turns a detokenized segment into space-separated tokens.
 * BLEU then splits the result on whitespace (Python's {@code str.split()}). {@link TokenizerName}
 * names them.
 */
public interface Tokenizer {

    /** The tokenized segment, tokens separated by spaces. */
    String tokenize(String segment);

    /** The name shown in the signature ({@code tok:13a}). */
    String signature();
}
