package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedCorpusTest {

    static EncodedCorpus sample() {
        return new EncodedCorpus.Builder()
                .add(new int[] {5, 6, 3}, new int[] {7, 3})
                .add(new int[] {3}, new int[] {8, 9, 10, 3})
                .add(new int[] {4, 3}, new int[] {3})
                .build();
    }

    @Test
    void holdsPairsCompactly() {
        EncodedCorpus corpus = sample();
        assertEquals(3, corpus.size());
        assertArrayEquals(new int[] {5, 6, 3}, corpus.source(0));
        assertArrayEquals(new int[] {8, 9, 10, 3}, corpus.target(1));
        assertEquals(1, corpus.sourceLength(1));
        assertEquals(6, corpus.sourceTokens());
        assertEquals(7, corpus.targetTokens());
        assertArrayEquals(new long[] {3, 3}, corpus.countId(SpecialTokens.EOS));
        assertThrows(
                IllegalArgumentException.class, () -> new EncodedCorpus.Builder().add(new int[] {5}, new int[] {3}));
    }

    @Test
    void writesAndReadsTheBinaryFormat(@TempDir Path dir) {
        Path file = dir.resolve("train.ids");
        EncodedCorpus corpus = sample();
        corpus.write(file);
        EncodedCorpus read = EncodedCorpus.read(file);
        assertEquals(corpus.size(), read.size());
        for (int i = 0; i < corpus.size(); i++) {
            assertArrayEquals(corpus.source(i), read.source(i));
            assertArrayEquals(corpus.target(i), read.target(i));
        }
        EncodedCorpus empty = new EncodedCorpus.Builder().build();
        empty.write(file);
        assertEquals(0, EncodedCorpus.read(file).size());
    }

    @Test
    void rejectsCorruptFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("train.ids");
        Files.writeString(file, "not ids");
        assertTrue(assertThrows(NmtException.class, () -> EncodedCorpus.read(file))
                .getMessage()
                .contains("not an encoded corpus"));
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 4));
        assertTrue(assertThrows(NmtException.class, () -> EncodedCorpus.read(file))
                .getMessage()
                .contains("corrupt"));
        sample().write(file);
        assertTrue(
                assertThrows(NmtException.class, () -> EncodedCorpus.read(file).checkIds(file, 6, 20))
                        .getMessage()
                        .contains("source id 6 is outside the source vocabulary"));
    }
}
