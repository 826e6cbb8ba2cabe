package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {

    private static List<CorpusReader.SentencePair> readAll(CorpusReader reader) {
        List<CorpusReader.SentencePair> pairs = new ArrayList<>();
        try (reader) {
            CorpusReader.SentencePair pair;
            while ((pair = reader.next()) != null) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    @Test
    void readsTsvInEitherColumnOrder(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("c.tsv");
        Files.writeString(tsv, "Go.\tVa !\r\nHi.\tSalut.");
        assertEquals(
                List.of(
                        new CorpusReader.SentencePair(1, "Go.", "Va !"),
                        new CorpusReader.SentencePair(2, "Hi.", "Salut.")),
                readAll(CorpusReader.tsv(tsv, false, false)));
        assertEquals("Va !", readAll(CorpusReader.tsv(tsv, true, false)).get(0).source());
    }

    @Test
    void aTsvLineWithoutExactlyOneTabIsAnErrorOrSkipped(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("c.tsv");
        Files.writeString(tsv, "a\tb\nno tab here\nc\td\te\nf\tg\n");
        NmtException e = assertThrows(NmtException.class, () -> readAll(CorpusReader.tsv(tsv, false, false)));
        assertEquals(
                tsv
                        + ":2: expected exactly one tab between source and target, found 0 (use --skip-invalid to skip such lines)",
                e.getMessage());
        CorpusReader skipping = CorpusReader.tsv(tsv, false, true);
        List<CorpusReader.SentencePair> pairs = readAll(skipping);
        assertEquals(
                List.of(1L, 4L),
                pairs.stream().map(CorpusReader.SentencePair::line).toList());
        assertEquals(2, skipping.skipped());
    }

    @Test
    void twoFilesMustHaveTheSameNumberOfLines(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("train.de");
        Path tgt = dir.resolve("train.en");
        Files.writeString(src, "a\nb\nc\n");
        Files.writeString(tgt, "x\ny\n");
        NmtException e = assertThrows(NmtException.class, () -> readAll(CorpusReader.parallel(src, tgt, false)));
        assertEquals(
                src + " has 3 lines but " + tgt + " has 2; the two sides of a corpus must be aligned line by line",
                e.getMessage());
        Files.writeString(tgt, "x\ny\nz\nw");
        assertEquals(
                src + " has 3 lines but " + tgt + " has 4; the two sides of a corpus must be aligned line by line",
                assertThrows(NmtException.class, () -> readAll(CorpusReader.parallel(src, tgt, false)))
                        .getMessage());
    }

    @Test
    void invalidUtf8OnEitherSideNamesItsFileAndLine(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("train.de");
        Path tgt = dir.resolve("train.en");
        Files.writeString(src, "a\nb\nc\n");
        Files.write(tgt, new byte[] {'x', '\n', 'y', '\n', (byte) 0x80, '\n'});
        NmtException e = assertThrows(NmtException.class, () -> readAll(CorpusReader.parallel(src, tgt, false)));
        assertEquals(tgt + ":3: invalid UTF-8 byte sequence (use --skip-invalid to skip such lines)", e.getMessage());
        assertEquals(2, readAll(CorpusReader.parallel(src, tgt, true)).size());
    }
}
