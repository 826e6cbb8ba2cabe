package org.jnmt.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first step of every text pipeline: optional lowercasing, every run of Unicode whitespace
 * (tabs, U+00A0, U+202F, U+2000..U+200A, U+3000, ...) folded to one space, leading and trailing
 * whitespace removed, then Unicode NFC. The result is idempotent: normalising it again changes nothing.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String raw, boolean lowercase) {
        String text = lowercase ? raw.toLowerCase(Locale.ROOT) : raw;
        return Normalizer.normalize(foldWhitespace(text), Normalizer.Form.NFC);
    }

    /**
     * Unicode White_Space (Java's isWhitespace misses the no-break spaces U+00A0, U+2007, U+202F),
     * plus the information separators U+001C..U+001F that Java and Python also split on.
     */
    public static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    /**
     * The words of a raw line, split on {@link #isWhitespace}: the i-th of them is the i-th
     * space-separated word of its normalised form (the index that alignments refer to).
     */
    public static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            if (isWhitespace(cp)) {
                if (start >= 0) {
                    words.add(raw.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(raw.substring(start));
        }
        return words;
    }

    private static String foldWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhitespace(cp)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
