package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected strings are sacreBLEU 2.6.0's output for the same scores. */
class ScoreFormatTest {

    private static final MetricScore CHRF = new ChrfScore("chrF2", 66.91584);
    private static final Signature CHRF_SIGNATURE = new Chrf(ChrfSettings.defaults()).signature(1);

    @Test
    void textLineCarriesTheSignature() {
        assertEquals(
                "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 66.9158",
                ScoreFormat.text(CHRF, CHRF_SIGNATURE.format(false), 4));
        assertEquals("chrF2 = 66.9", ScoreFormat.text(CHRF, "", 1));
    }

    @Test
    void jsonIsPythonsIndentOneDump() {
        assertEquals("""
                {
                 "name": "chrF2",
                 "score": 67.0,
                 "signature": "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0",
                 "nrefs": "1",
                 "case": "mixed",
                 "eff": "yes",
                 "nc": "6",
                 "nw": "0",
                 "space": "no",
                 "version": "2.6.0"
                }""", ScoreFormat.json(CHRF, CHRF_SIGNATURE, 0));
    }

    @Test
    void severalTextResultsAlignOnTheEqualsSign() {
        assertEquals(
                "   BLEU|x = 1.0\nchrF2|abc = 2.0",
                ScoreFormat.combine(List.of("BLEU|x = 1.0", "chrF2|abc = 2.0"), false));
        assertEquals("37.1\n66.9", ScoreFormat.combine(List.of("37.1", "66.9"), false));
    }

    @Test
    void severalJsonResultsBecomeAList() {
        assertEquals(
                "[\n{\n \"a\": 1\n},\n{\n \"b\": 2\n}\n]",
                ScoreFormat.combine(List.of("{\n \"a\": 1\n}", "{\n \"b\": 2\n}"), true));
        assertEquals("[\n37.1,\n66.9\n]", ScoreFormat.combine(List.of("37.1", "66.9"), true));
        assertEquals("37.1", ScoreFormat.combine(List.of("37.1"), true));
    }

    @Test
    void jsonStringsAreEscapedAsPythonDoes() {
        assertEquals("\"a\\\"b\\\\c\\n\\u001f é\"", ScoreFormat.quote("a\"b\\c\n\u001f é"));
    }
}
