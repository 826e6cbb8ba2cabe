package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonStringsTest {

    /** Python 3.11: [hex(c) for c in range(0x110000) if chr(c).isspace()]. */
    private static final int[] PYTHON_WHITESPACE = {
        0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
        0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000
    };

    @Test
    void splitsOnEveryPythonWhitespaceAndNothingElse() {
        for (int cp : PYTHON_WHITESPACE) {
            String text = "a" + Character.toString(cp) + "b";
            assertEquals(List.of("a", "b"), PythonStrings.split(text), "U+" + Integer.toHexString(cp));
        }
        int count = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            count += PythonStrings.isWhitespace(cp) ? 1 : 0;
        }
        assertEquals(PYTHON_WHITESPACE.length, count);
        // zero-width space, Mongolian vowel separator (whitespace before Unicode 6.3), BOM: not whitespace
        for (int cp : new int[] {0x200B, 0x180E, 0xFEFF, 0x2060}) {
            assertEquals(
                    1, PythonStrings.split("a" + Character.toString(cp) + "b").size());
        }
    }

    @Test
    void whitespaceListIsPythonsDefinitionUnderJavasUnicodeTables() {
        // CPython: bidirectional class WS, B or S, or general category Zs
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            byte direction = Character.getDirectionality(cp);
            boolean definition = Character.getType(cp) == Character.SPACE_SEPARATOR
                    || direction == Character.DIRECTIONALITY_WHITESPACE
                    || direction == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                    || direction == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
            assertEquals(definition, PythonStrings.isWhitespace(cp), "U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void splitDropsLeadingTrailingAndRepeatedWhitespace() {
        assertEquals(List.of("Le", "14", "juillet"), PythonStrings.split("\u3000 Le\u00A0\u202F14\r\njuillet \u2028"));
        assertEquals(List.of(), PythonStrings.split(" \t\u00A0"));
        assertEquals(List.of(), PythonStrings.split(""));
        assertEquals(List.of("\uD835\uDC00", "x"), PythonStrings.split("\uD835\uDC00 x"));
    }

    @Test
    void rstripRemovesOnlyTrailingPythonWhitespace() {
        assertEquals("  a b", PythonStrings.rstrip("  a b \t\r\u00A0\u3000\u0085\u001C"));
        assertEquals("a\u200B", PythonStrings.rstrip("a\u200B"));
        assertEquals("", PythonStrings.rstrip(" \u2029"));
    }

    @Test
    void removeWhitespaceJoinsTheTokens() {
        assertEquals("abc", PythonStrings.removeWhitespace(" a\u00A0b\tc "));
    }

    @Test
    void lowerAppliesFullCaseMappings() {
        assertEquals("i\u0307stanbul", PythonStrings.lower("\u0130stanbul"));
        assertEquals("σοφος", PythonStrings.lower("ΣΟΦΟΣ"), "word-final sigma");
        assertEquals("straße", PythonStrings.lower("STRAßE"));
    }

    @Test
    void charactersAreCodePoints() {
        assertEquals(List.of("a", "\uD83D\uDE00", "é"), PythonStrings.characters("a\uD83D\uDE00é"));
        assertFalse(PythonStrings.isWhitespace(0x10FFFF));
    }
}
