package org.jnmt.eval;

import java.util.regex.Pattern;

/**
 * sacreBLEU's {@code intl} tokenizer (mteval-v14.pl's international tokenization): separates every
 * Unicode punctuation character (category P) unless it has a digit (category N) on both sides, and
 * every Unicode symbol (category S). The categories come from Java's Unicode tables; sacreBLEU reads
 * them from the Python {@code regex} module's, which may be of a later Unicode version.
 */
public final class TokenizerIntl implements Tokenizer {

    private static final Pattern PUNCTUATION_AFTER_NON_DIGIT = Pattern.compile("(\\P{N})(\\p{P})");
    private static final Pattern PUNCTUATION_BEFORE_NON_DIGIT = Pattern.compile("(\\p{P})(\\P{N})");
    private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

    @Override
    public String tokenize(String segment) {
        String line = PUNCTUATION_AFTER_NON_DIGIT.matcher(segment).replaceAll("$1 $2 ");
        line = PUNCTUATION_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = SYMBOL.matcher(line).replaceAll(" $1 ");
        return String.join(" ", PythonStrings.split(line));
    }

    @Override
    public String signature() {
        return "intl";
    }
}
