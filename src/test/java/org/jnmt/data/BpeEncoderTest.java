package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BPE application against subword-nmt 0.3.8's apply_bpe, derived by hand from its algorithm
 * (lowest-rank pair first, all its non-overlapping occurrences left to right, {@code </w>} glued to
 * the last character, one-character words untouched), and against subword-nmt's own test data.
 */
class BpeEncoderTest {

    /** The merges learned from the toy corpus of {@link BpeLearnerTest#learnsTheHandDerivedMergesInOrder}. */
    static final List<String> TOY_CODES = List.of(
            "s t</w>",
            "e st</w>",
            "l o",
            "w est</w>",
            "n e",
            "ne west</w>",
            "lo w</w>",
            "w i",
            "wi d",
            "wid est</w>",
            "w e",
            "we r</w>",
            "lo wer</w>");

    private static BpeEncoder encoder(List<String> merges) {
        return new BpeEncoder(new BpeCodes(merges.stream()
                .map(m -> {
                    String[] parts = m.split(" ");
                    return new BpeCodes.Merge(parts[0], parts[1]);
                })
                .toList()));
    }

    @Test
    void segmentsHandCheckedWords() {
        BpeEncoder bpe = encoder(TOY_CODES);
        // l o w e s t</w>: "s t</w>" (rank 0), "e st</w>" (1), "l o" (2), "w est</w>" (3); "lo west</w>" is no merge.
        assertArrayEquals(new String[] {"lo", "west"}, bpe.segment("lowest"));
        // n e w e r</w>: "n e" (4) before "w e" (10), then "we r</w>" (11); "ne wer</w>" is no merge.
        assertArrayEquals(new String[] {"ne", "wer"}, bpe.segment("newer"));
        assertArrayEquals(new String[] {"wid", "e", "r"}, bpe.segment("wider"));
        assertArrayEquals(new String[] {"low"}, bpe.segment("low"));
        assertArrayEquals(new String[] {"lower"}, bpe.segment("lower"));
        // "s t</w>" needs the word to end in st: inside a word s and t stay apart.
        assertArrayEquals(new String[] {"s", "t", "s"}, bpe.segment("sts"));
        // One character: never segmented, even if "x</w>" could be merged.
        assertArrayEquals(new String[] {"x"}, bpe.segment("x"));
    }

    @Test
    void mergesByRankNotPosition() {
        BpeEncoder bpe = encoder(List.of("b c", "a b"));
        // a b c d</w>: "b c" has rank 0, so "a b" never gets a chance.
        assertArrayEquals(new String[] {"a", "bc", "d"}, bpe.segment("abcd"));
    }

    @Test
    void mergesNonOverlappingOccurrencesLeftToRight() {
        BpeEncoder bpe = encoder(List.of("a a", "aa a</w>"));
        // a a a</w> -> aa a</w> -> aaa</w>
        assertArrayEquals(new String[] {"aaa"}, bpe.segment("aaa"));
        // a a a a</w>: "a a" occurs at 0 and 1; merging at 0 consumes position 1 -> aa a a</w>, then nothing applies.
        assertArrayEquals(new String[] {"aa", "a", "a"}, bpe.segment("aaaa"));
        // With "a a</w>" as well: aa a a</w> -> aa aa</w>.
        assertArrayEquals(
                new String[] {"aa", "aa"},
                encoder(List.of("a a", "aa a</w>", "a a</w>")).segment("aaaa"));
    }

    @Test
    void supportsVersion01CodesWithASeparateEndOfWordSymbol(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.codes");
        Files.writeString(file, "l o\nlo w\nlow </w>\n");
        BpeCodes codes = BpeCodes.read(file);
        assertFalse(codes.endOfWordAttached());
        BpeEncoder bpe = new BpeEncoder(codes);
        assertArrayEquals(new String[] {"low"}, bpe.segment("low"));
        assertArrayEquals(new String[] {"low", "e", "r"}, bpe.segment("lower"));
    }

    @Test
    void agreesWithSubwordNmtTestData() throws IOException, URISyntaxException {
        // The codes are the merges of subword-nmt's tests/data/bpe.ref (learned by subword-nmt from
        // tests/data/corpus.en) that can apply to these words: a merge containing a character the
        // words lack can never fire, so dropping it changes nothing. The expected lines are copied
        // from subword-nmt's tests/data/corpus.bpe.ref.en and test_bpe.py.
        Path file =
                Path.of(getClass().getResource("subword-nmt-test-subset.codes").toURI());
        BpeEncoder bpe = new BpeEncoder(BpeCodes.read(file));
        assertEquals(
                "a fir@@ e re@@ st@@ ant re@@ pa@@ ir c@@ ement for fir@@ e pl@@ ac@@ es , o@@ v@@ en@@ s , "
                        + "open fi@@ re@@ pl@@ ac@@ es etc . ..@@ .@@ . &apos@@ ; &apos;s",
                bpe.applyLine(
                        "a fire restant repair cement for fire places , ovens , open fireplaces etc . .... &apos; &apos;s"));
        assertEquals("  ir@@ on c@@ ement  ", bpe.applyLine("  iron cement  "));
        assertEquals("ir@@ on@@ \u00A0@@ c@@ ement", bpe.applyLine("iron\u00A0cement"));
        assertEquals("", bpe.applyLine(""));
    }

    @Test
    void removingTheMarksGivesBackTheInput() {
        BpeEncoder bpe = encoder(TOY_CODES);
        String line = "the lowest newer wider x sts";
        String segmented = bpe.applyLine(line);
        assertTrue(segmented.contains("@@ "));
        assertEquals(line, BpeEncoder.removeMarks(segmented));
        assertEquals("ab", BpeEncoder.removeMarks("a@@ b@@"));
    }

    @Test
    void readsSubwordNmtCodesAndRejectsMalformedLines(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.codes");
        Files.writeString(good, "#version: 0.2\r\ne r</w>\r\n t h \n\n\n");
        BpeCodes codes = BpeCodes.read(good);
        assertTrue(codes.endOfWordAttached());
        assertEquals(List.of(new BpeCodes.Merge("e", "r</w>"), new BpeCodes.Merge("t", "h")), codes.merges());

        Path three = dir.resolve("three.codes");
        Files.writeString(three, "#version: 0.2\na b\na b c\n");
        NmtException e = assertThrows(NmtException.class, () -> BpeCodes.read(three));
        assertEquals(
                three + ":3: invalid BPE merge 'a b c': expected two symbols separated by one space", e.getMessage());

        Path one = dir.resolve("one.codes");
        Files.writeString(one, "#version: 0.2\nab\n");
        assertTrue(assertThrows(NmtException.class, () -> BpeCodes.read(one))
                .getMessage()
                .startsWith(one + ":2: "));

        Path gap = dir.resolve("gap.codes");
        Files.writeString(gap, "#version: 0.2\na b\n\nc d\n");
        assertTrue(assertThrows(NmtException.class, () -> BpeCodes.read(gap))
                .getMessage()
                .startsWith(gap + ":3: empty line"));

        Path version = dir.resolve("v9.codes");
        Files.writeString(version, "#version: 0.9\na b\n");
        assertTrue(assertThrows(NmtException.class, () -> BpeCodes.read(version))
                .getMessage()
                .startsWith(version + ":1: unsupported BPE codes version '0.9'"));
    }

    @Test
    void writesWhatItReads(@TempDir Path dir) {
        BpeCodes codes = new BpeCodes(List.of(new BpeCodes.Merge("a", "b</w>"), new BpeCodes.Merge("\uFFED", "@")));
        Path file = dir.resolve("c.codes");
        codes.write(file);
        assertEquals(codes.merges(), BpeCodes.read(file).merges());
        assertEquals(1, codes.limit(1).size());
    }
}
