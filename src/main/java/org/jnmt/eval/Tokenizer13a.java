package org.jnmt.eval;

import java.util.regex.Pattern;

/**
 * sacreBLEU's default tokenizer, equivalent to mteval-v13a.pl as used by WMT: unescapes four HTML
 * entities, then separates ASCII punctuation and symbols, except periods and commas between digits
 * and the apostrophe; a dash after a digit is separated.
 */
public final class Tokenizer13a implements Tokenizer {

    /** ASCII punctuation and symbols other than {@code ' , - .}, and the space (the mteval class). */
    private static final Pattern SYMBOL =
            Pattern.compile("([\\x7B-\\x7E\\x5B-\\x60\\x20-\\x26\\x28-\\x2B\\x3A-\\x40/])");

    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    @Override
    public String tokenize(String segment) {
        String line = segment.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
        }
        line = " " + line + " ";
        line = SYMBOL.matcher(line).replaceAll(" $1 ");
        line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
        line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
        line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
        return String.join(" ", PythonStrings.split(line));
    }

    @Override
    public String signature() {
        return "13a";
    }
}
