package org.jnmt.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} operations that sacreBLEU's results depend on, with Python's exact
 * semantics: {@code split()} and {@code rstrip()} treat as whitespace exactly the 29 code points for
 * which Python's {@code str.isspace()} is true (which is not Java's {@link Character#isWhitespace}:
 * Python also splits on U+00A0, U+2007 and U+202F). Strings are handled by code point, as Python does.
 */
public final class PythonStrings {

    private PythonStrings() {}

    /** Python's {@code chr(cp).isspace()}: bidirectional class WS, B or S, or category Zs. */
    public static boolean isWhitespace(int cp) {
        if (cp < 0x80) {
            return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
        }
        return cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /** Python's {@code s.split()}: the maximal runs of non-whitespace code points. */
    public static List<String> split(String s) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isWhitespace(cp)) {
                if (start >= 0) {
                    tokens.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(s.substring(start));
        }
        return tokens;
    }

    /** Python's {@code s.rstrip()}. */
    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isWhitespace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** Python's {@code ''.join(s.split())}: the string without any whitespace. */
    public static String removeWhitespace(String s) {
        return String.join("", split(s));
    }

    /**
     * Python's {@code s.lower()}. Java applies the same full case mappings (İ becomes i + U+0307,
     * a word-final Σ becomes ς); only characters whose mapping changed between the Unicode versions
     * of Java and Python can differ.
     */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The code points of {@code s} as separate strings: Python's {@code list(s)}. */
    public static List<String> characters(String s) {
        List<String> characters = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); ) {
            int next = s.offsetByCodePoints(i, 1);
            characters.add(s.substring(i, next));
            i = next;
        }
        return characters;
    }
}
