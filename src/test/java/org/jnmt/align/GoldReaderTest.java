package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsOneBasedSureAndPossibleLinks() throws IOException {
        Path file = write("gold", "1-1 2p3 3-2\n\n2-2\n");
        List<GoldAlignment> gold = GoldReader.readPharaoh(file, 1, 3);
        assertEquals(3, gold.size());
        assertEquals(Set.of(new Link(0, 0), new Link(2, 1)), gold.get(0).sure());
        assertEquals(
                Set.of(new Link(0, 0), new Link(2, 1), new Link(1, 2)),
                gold.get(0).possible());
        assertEquals(Set.of(), gold.get(1).possible());
        assertEquals(Set.of(new Link(1, 1)), gold.get(2).sure());
        assertEquals(GoldFormat.PHARAOH, GoldFormat.detect(file));
        assertEquals(
                Set.of(new Link(1, 1), new Link(2, 3), new Link(3, 2)),
                GoldReader.readPharaoh(file, 0, 0).get(0).possible());
    }

    @Test
    void readsNaaclLinesIntoTheirSentences() throws IOException {
        Path file = write("gold.naacl", "1 1 1 S\n1 2 3 P\n3 2 2\n3 0 4 S\n3 4 1 P 0.8\n");
        assertEquals(GoldFormat.NAACL, GoldFormat.detect(file));
        List<GoldAlignment> gold = GoldReader.readNaacl(file, 1, 4);
        assertEquals(4, gold.size());
        assertEquals(new GoldAlignment(Set.of(new Link(0, 0)), Set.of(new Link(1, 2))), gold.get(0));
        assertEquals(GoldAlignment.allSure(Set.of()), gold.get(1));
        // 3 0 4 S links the NULL word (index 0 in a 1-based file) and is skipped.
        assertEquals(new GoldAlignment(Set.of(new Link(1, 1)), Set.of(new Link(3, 0))), gold.get(2));
        assertEquals(GoldAlignment.allSure(Set.of()), gold.get(3));
        assertEquals(3, GoldReader.read(file, 1, 0).size());
        assertEquals(
                Set.of(new Link(0, 4), new Link(2, 2)),
                GoldReader.readNaacl(file, 0, 3).get(2).sure());
    }

    @Test
    void readsASureFileWithAPossibleOnlyFile() throws IOException {
        Path sure = write("sure", "0-0 1-1 2p2\n2-2\n");
        Path possible = write("possible", "1-2\n\n");
        List<GoldAlignment> gold = GoldReader.readSureAndPossible(sure, possible, 0, 0);
        assertEquals(
                new GoldAlignment(Set.of(new Link(0, 0), new Link(1, 1)), Set.of(new Link(1, 2), new Link(2, 2))),
                gold.get(0));
        assertEquals(GoldAlignment.allSure(Set.of(new Link(2, 2))), gold.get(1));
        Path shorter = write("short", "1-2\n");
        NmtException e = assertThrows(NmtException.class, () -> GoldReader.readSureAndPossible(sure, shorter, 0, 0));
        assertEquals(
                "gold alignment file " + shorter + " has 1 lines but the corpus has 2 sentence pairs.", e.getMessage());
    }

    @Test
    void malformedLinesAreErrorsAtTheirLine() throws IOException {
        assertError(write("a", "1-1\n1x2\n"), file -> GoldReader.readPharaoh(file, 1, 0), ":2: link '1x2' has no dash");
        assertError(
                write("b", "0-0\n"),
                file -> GoldReader.readPharaoh(file, 1, 0),
                ":1: link '0-0' has index 0, but indices start at 1");
        assertError(write("c", "1pp2\n"), file -> GoldReader.readPharaoh(file, 1, 0), ":1: link '1pp2' is not numeric");
        assertError(
                write("d", "1 2 3 S\n1 2 S\n"),
                file -> GoldReader.readNaacl(file, 1, 0),
                ":2: line '1 2 S' is not numeric");
        assertError(
                write("e", "1 2 3 X\n"), file -> GoldReader.readNaacl(file, 1, 0), ":1: link label 'X' is neither S");
        assertError(
                write("f", "5 2 3 S\n"), file -> GoldReader.readNaacl(file, 1, 4), ":1: sentence 5 is past the end");
        assertError(
                write("g", "0 2 3 S\n"), file -> GoldReader.readNaacl(file, 1, 0), ":1: line '0 2 3 S' has index 0");
        assertError(
                write("h", "1 2\n"), file -> GoldReader.readNaacl(file, 1, 0), ":1: expected SENTENCE SOURCE TARGET");
        assertError(write("i", "\nhello world\n"), GoldFormat::detect, ":2: neither Pharaoh links");
    }

    @Test
    void readsTheShippedEnglishFrenchGold() {
        Path corpus = SharedData.corpus("alignments-en-fr");
        List<GoldAlignment> gold = GoldReader.read(corpus.resolve("enfr.gold"), 1, 447);
        assertEquals(447, gold.size());
        assertEquals(4038, gold.stream().mapToInt(g -> g.sure().size()).sum());
        assertEquals(
                4038 + 13400, gold.stream().mapToInt(g -> g.possible().size()).sum());
        List<GoldAlignment> talp = GoldReader.readSureAndPossible(
                corpus.resolve("test.sure.0idx.talp"), corpus.resolve("test.possible-only.0idx.talp"), 0, 447);
        assertEquals(gold, talp);
    }

    @Test
    void readsTheShippedGermanEnglishGoldInBothFormats() throws IOException {
        Path corpus = SharedData.corpus("alignments-de-en");
        List<GoldAlignment> pharaoh = GoldReader.read(corpus.resolve("de-en.wa"), 0, 100);
        List<GoldAlignment> naacl = GoldReader.read(corpus.resolve("de-en.ref.wa"), 0, 100);
        assertEquals(pharaoh, naacl);
        assertEquals(1233, pharaoh.stream().mapToInt(g -> g.sure().size()).sum());
        assertTrue(pharaoh.stream().allMatch(g -> g.sure().equals(g.possible())));
        // Sentence 63 links German token 12 to English token 16 of a 13-token sentence.
        List<String> german = Files.readAllLines(corpus.resolve("test.de"));
        List<String> english = Files.readAllLines(corpus.resolve("test.en"));
        int outside = 0;
        for (int i = 0; i < 100; i++) {
            int sourceWords = german.get(i).split(" ").length;
            int targetWords = english.get(i).split(" ").length;
            outside += pharaoh.get(i).outOfBounds(sourceWords, targetWords);
            assertEquals(
                    0, pharaoh.get(i).withinBounds(sourceWords, targetWords).outOfBounds(sourceWords, targetWords));
        }
        assertEquals(1, outside);
        assertTrue(pharaoh.get(62).sure().contains(new Link(12, 16)));
    }

    @Test
    void invertingSwapsSourceAndTarget() {
        GoldAlignment gold = new GoldAlignment(Set.of(new Link(0, 2)), Set.of(new Link(1, 3)));
        assertEquals(new GoldAlignment(Set.of(new Link(2, 0)), Set.of(new Link(3, 1))), gold.inverted());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private interface Reader {
        Object read(Path file);
    }

    private static void assertError(Path file, Reader reader, String expected) {
        NmtException e = assertThrows(NmtException.class, () -> reader.read(file));
        assertTrue(e.getMessage().startsWith(file + expected), e.getMessage());
    }
}
