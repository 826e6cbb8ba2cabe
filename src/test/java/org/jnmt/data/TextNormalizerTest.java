package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsEveryUnicodeWhitespaceToOneSpaceAndTrims() {
        String raw = "\t Va\u00A0!\u202FOui\u2003\u2009non\u3000\u00A0fin\u2028x\u0085y \r";
        assertEquals("Va ! Oui non fin x y", TextNormalizer.normalize(raw, false));
    }

    @Test
    void composesToNfcAndKeepsCaseUnlessAsked() {
        String decomposed = "Cafe\u0301 \u00C9T\u00C9";
        assertEquals("Caf\u00E9 \u00C9T\u00C9", TextNormalizer.normalize(decomposed, false));
        assertEquals("caf\u00E9 \u00E9t\u00E9", TextNormalizer.normalize(decomposed, true));
    }

    @Test
    void isIdempotent() {
        for (String raw : List.of("  A\u00A0\u00A0b ", "I\u0307stanbul \u0130", "x\u0301\u0323 \u212B", "")) {
            for (boolean lower : new boolean[] {false, true}) {
                String once = TextNormalizer.normalize(raw, lower);
                assertEquals(once, TextNormalizer.normalize(once, lower), raw);
            }
        }
    }

    @Test
    void rawWordsMatchTheSpaceSeparatedWordsOfTheNormalisedLine() {
        String raw = " Deux\u00A0chiens\u202F!\tBonjour  ";
        assertEquals(List.of("Deux", "chiens", "!", "Bonjour"), TextNormalizer.words(raw));
        assertEquals(List.of(TextNormalizer.normalize(raw, false).split(" ")), TextNormalizer.words(raw));
    }
}
