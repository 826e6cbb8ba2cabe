package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PretokenizerTest {

    private static String tokenize(String text) {
        return String.join(" ", Pretokenizer.tokenize(text));
    }

    @Test
    void splitsPunctuationAndMarksTheJoints() {
        assertEquals("Hello World \uFFED!", tokenize("Hello World!"));
        assertEquals("2 \uFFED,\uFFED 000 dollars \uFFED...", tokenize("2,000 dollars..."));
        assertEquals("\"\uFFED quoted \uFFED\" l \uFFED'\uFFED homme", tokenize("\"quoted\" l'homme"));
        assertEquals("soft \uFFED-\uFFED landing A4 \u00E9t\u00E9", tokenize("soft-landing A4 \u00E9t\u00E9"));
        assertEquals("Va !", tokenize("Va !"));
    }

    @Test
    void theBpeMarkAndTheJoinerInTheTextAreEscaped() {
        assertEquals("@ \uFFED@", tokenize("@@"));
        assertEquals("a \uFFED@ \uFFED@\uFFED b", tokenize("a@@b"));
        assertEquals(
                Pretokenizer.ESCAPED_JOINER + " x \uFFED" + Pretokenizer.ESCAPED_JOINER, tokenize("\uFFED x\uFFED"));
        for (String token : Pretokenizer.tokenize("x@@ @@@ a@ @@b \uFFED@@")) {
            assertFalse(token.endsWith("@@"), token);
        }
    }

    @Test
    void roundTripsTrickyText() {
        List<String> texts = List.of(
                "",
                "a",
                ".",
                "@@",
                "@@ @@",
                "x\uFFED\uFFEDy",
                "\uFFED",
                "&#xFFED;",
                "a&#xFFED;b",
                "e\u0301t\u00E9 .\u0301 \u0301x",
                "\uD83D\uDE00\uD83D\uDE00 ok",
                "l'homme -- 3.5% (vraiment?!)",
                "\u00AB Bonjour \u00BB",
                "tab\u0001ctrl",
                "1,2,3...",
                "@-@ &apos;s &quot;");
        for (String text : texts) {
            assertEquals(text, Pretokenizer.detokenize(Pretokenizer.tokenize(text)), text);
        }
    }

    @Test
    void roundTripsRandomText() {
        String palette = "ab\u00E9Z09 .,;'\"-@\uFFED&#x\u0301\u00A0\u3002\uD83D\uDE00";
        int[] codePoints = palette.codePoints().toArray();
        Random random = new Random(7);
        for (int n = 0; n < 5000; n++) {
            StringBuilder raw = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                raw.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            String text = TextNormalizer.normalize(raw.toString(), false);
            assertEquals(text, Pretokenizer.detokenize(Pretokenizer.tokenize(text)), raw.toString());
        }
    }

    @Test
    void mapsTokensToWordsBothWays() {
        Pretokenizer.Tokens tokens = Pretokenizer.tokenizeWithWords("Hello, big world!");
        assertEquals(List.of("Hello", "\uFFED,", "big", "world", "\uFFED!"), tokens.tokens());
        assertArrayEquals(new int[] {0, 0, 1, 2, 2}, tokens.words());
        Pretokenizer.Text text = Pretokenizer.detokenizeWithWords(tokens.tokens());
        assertEquals("Hello, big world!", text.text());
        assertArrayEquals(new int[] {0, 0, 1, 2, 2}, text.words());
    }

    @Test
    void detokenizesModelOutputThatIsNotWellFormed() {
        assertEquals("ab", Pretokenizer.detokenize(List.of("a", "\uFFED", "b")));
        assertEquals("a b", Pretokenizer.detokenize(List.of("\uFFEDa", "b")));
    }
}
