package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are sacreBLEU 2.6.0's tokenizers' output on the same input. */
class TokenizerTest {

    private final Tokenizer mteval = TokenizerName.MTEVAL_13A.create();
    private final Tokenizer intl = TokenizerName.INTL.create();
    private final Tokenizer chars = TokenizerName.CHAR.create();

    @Test
    void thirteenASeparatesAsciiPunctuationButKeepsNumbersAndApostrophes() {
        assertEquals(
                "Hello , world ! It's 3.5 km-long ( really ) .",
                mteval.tokenize("Hello, world! It's 3.5 km-long (really)."));
        assertEquals(
                "1,000.50 and 2 - 3 a . b . c e . g . U . S . A .",
                mteval.tokenize("1,000.50 and 2-3 a.b.c e.g. U.S.A."));
        assertEquals("end with 2019 .", mteval.tokenize("end with 2019."));
    }

    @Test
    void thirteenAUnescapesEntitiesAndDropsSkipped() {
        assertEquals("\" Tom & Jerry \" < b >", mteval.tokenize("&quot;Tom &amp; Jerry&quot; &lt;b&gt; <skipped>"));
    }

    @Test
    void thirteenALeavesNonAsciiPunctuationAttached() {
        assertEquals("J'ai acheté 2,5 kg à 10 € — « oui » !", mteval.tokenize("J'ai acheté 2,5 kg à 10 € — « oui » !"));
        assertEquals("Straße…ok ? ¿", mteval.tokenize("Straße…ok?¿"));
    }

    @Test
    void intlSeparatesUnicodePunctuationAndSymbols() {
        assertEquals(
                "Hello , world ! It ' s 3.5 km - long ( really ) .",
                intl.tokenize("Hello, world! It's 3.5 km-long (really)."));
        assertEquals(
                "1,000.50 and 2-3 a . b . c e . g . U . S . A .", intl.tokenize("1,000.50 and 2-3 a.b.c e.g. U.S.A."));
        assertEquals("J ' ai acheté 2,5 kg à 10 € — « oui » !", intl.tokenize("J'ai acheté 2,5 kg à 10 € — « oui » !"));
        assertEquals("Straße … ok ? ¿", intl.tokenize("Straße…ok?¿"));
        // mteval-v14 keeps a period after a final number, and so does sacreBLEU
        assertEquals("end with 2019.", intl.tokenize("end with 2019."));
        assertEquals("😀 smile , 𝐀b", intl.tokenize("😀 smile, 𝐀b"));
    }

    @Test
    void tokenizersSplitOnPythonWhitespace() {
        assertEquals("x y ! z", mteval.tokenize("x\u00A0y\u202F!z"));
        assertEquals("x y ! z", intl.tokenize("x\u00A0y\u202F!z"));
    }

    @Test
    void charMakesEveryCodePointAToken() {
        assertEquals("😀   s m i l e ,   𝐀 b", chars.tokenize("😀 smile, 𝐀b"));
        assertEquals(9, PythonStrings.split(chars.tokenize("😀 smile, 𝐀b")).size());
    }

    @Test
    void noneKeepsTheSegment() {
        assertEquals("a  b,c", TokenizerName.NONE.create().tokenize("a  b,c"));
    }

    @Test
    void namesAreSacreBleus() {
        for (TokenizerName name : TokenizerName.values()) {
            assertEquals(name.toString(), name.create().signature());
        }
    }
}
