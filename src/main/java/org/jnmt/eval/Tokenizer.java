package org.jnmt.eval;

import java.util.List;

/**
 * One of sacreBLEU's BLEU tokenizers: turns a detokenized segment into space-separated tokens.
 * BLEU then splits the result on whitespace (Python's {@code str.split()}).
 */
public interface Tokenizer {

    /** The names accepted by {@link #named(String)}, as sacreBLEU spells them. */
    List<String> NAMES = List.of("13a", "intl", "char", "none");

    /** The tokenized segment, tokens separated by spaces. */
    String tokenize(String segment);

    /** The name shown in the signature ({@code tok:13a}). */
    String signature();

    /** The tokenizer sacreBLEU selects with {@code --tokenize NAME}. */
    static Tokenizer named(String name) {
        return switch (name) {
            case "13a" -> new Tokenizer13a();
            case "intl" -> new TokenizerIntl();
            case "char" -> new TokenizerChar();
            case "none" -> new TokenizerNone();
            default -> throw new IllegalArgumentException(
                    "unknown tokenizer '" + name + "'; expected one of " + String.join(", ", NAMES));
        };
    }
}
