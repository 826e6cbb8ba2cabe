package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    private static final Map<String, Long> COUNTS = Map.of("the", 9L, "cat", 3L, "dog", 3L, "rare", 1L, "<s>", 50L);

    @Test
    void specialsFirstThenByFrequencyThenByToken() {
        Vocabulary vocab = Vocabulary.build(COUNTS, 1, 0);
        assertEquals(List.of("<pad>", "<unk>", "<s>", "</s>", "the", "cat", "dog", "rare"), vocab.tokens());
        assertEquals(SpecialTokens.UNK, vocab.id("unseen"));
        assertEquals(4, vocab.id("the"));
        assertEquals(9, vocab.count(4));
        assertEquals(Vocabulary.UNKNOWN_COUNT, vocab.count(SpecialTokens.PAD));
    }

    @Test
    void appliesMinimumFrequencyAndMaximumSize() {
        assertEquals(
                List.of("<pad>", "<unk>", "<s>", "</s>", "the", "cat", "dog"),
                Vocabulary.build(COUNTS, 2, 0).tokens());
        assertEquals(
                List.of("<pad>", "<unk>", "<s>", "</s>", "the", "cat"),
                Vocabulary.build(COUNTS, 1, 6).tokens());
    }

    @Test
    void savesAndLoadsInIdOrder(@TempDir Path dir) throws IOException {
        Vocabulary vocab = Vocabulary.build(COUNTS, 1, 0);
        Path file = dir.resolve("vocab.txt");
        vocab.save(file);
        assertEquals("<pad>\n<unk>\n<s>\n</s>\nthe 9\ncat 3\ndog 3\nrare 1\n", Files.readString(file));
        Vocabulary loaded = Vocabulary.load(file);
        assertEquals(vocab.tokens(), loaded.tokens());
        assertEquals(3, loaded.count(loaded.id("dog")));
        Files.writeString(file, "<pad>\n<unk>\n<s>\n</s>\nword\nother\t7\n");
        assertEquals(Vocabulary.UNKNOWN_COUNT, Vocabulary.load(file).count(4));
        assertEquals(7, Vocabulary.load(file).count(5));
    }

    @Test
    void reportsMalformedFilesWithFileAndLine(@TempDir Path dir) throws IOException {
        assertError(dir, "<pad>\n<unk>\n<s>\n</s>\na\nb\na 3\n", ":7: duplicate token 'a' (first on line 5)");
        assertError(dir, "<pad>\n<s>\n<unk>\n</s>\n", ":2: expected the special token <unk>");
        assertError(dir, "<pad>\n<unk>\n", ": missing special tokens");
        assertError(dir, "<pad>\n<unk>\n<s>\n</s>\na b c\n", ":5: expected a token and an optional frequency");
        assertError(dir, "<pad>\n<unk>\n<s>\n</s>\n\n", ":5: expected a token");
        assertError(dir, "<pad>\n<unk>\n<s>\n</s>\na -3\n", ":5: frequency '-3' is not a non-negative integer");
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'<', 'p', 'a', 'd', '>', '\n', (byte) 0xE9, '\n'});
        assertEquals(
                bad + ":2: invalid UTF-8 byte sequence",
                assertThrows(NmtException.class, () -> Vocabulary.load(bad)).getMessage());
    }

    private static void assertError(Path dir, String content, String expected) throws IOException {
        Path file = dir.resolve("v.txt");
        Files.writeString(file, content);
        String message =
                assertThrows(NmtException.class, () -> Vocabulary.load(file)).getMessage();
        assertTrue(message.startsWith(file + expected), message);
    }
}
