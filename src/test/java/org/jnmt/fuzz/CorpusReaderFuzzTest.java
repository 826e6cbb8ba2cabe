package org.jnmt.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import org.jnmt.data.CorpusReader;
import org.junit.jupiter.api.Timeout;

/** Parallel corpora: TSV files (strict, or skipping bad lines) and pairs of line-aligned files. */
@Timeout(10)
class CorpusReaderFuzzTest {

    @FuzzTest
    void tsvStrict(byte[] content) {
        Path file = ParserContract.fileWith("corpus.tsv", content);
        ParserContract.rejectsFileCleanly(file, () -> readAll(CorpusReader.tsv(file, false, false)));
    }

    @FuzzTest
    void tsvSkippingInvalid(byte[] content) {
        Path file = ParserContract.fileWith("corpus.tsv", content);
        ParserContract.rejectsFileCleanly(file, () -> readAll(CorpusReader.tsv(file, true, true)));
    }

    /** The input holds both sides, split at the first NUL byte. */
    @FuzzTest
    void parallel(byte[] content) {
        int split = 0;
        while (split < content.length && content[split] != 0) {
            split++;
        }
        Path source = ParserContract.fileWith("train.de", Arrays.copyOfRange(content, 0, split));
        Path target = ParserContract.fileWith(
                "train.en", Arrays.copyOfRange(content, Math.min(split + 1, content.length), content.length));
        ParserContract.rejectsCleanly(() -> readAll(CorpusReader.parallel(source, target, false)));
    }

    private static void readAll(CorpusReader corpus) {
        try (corpus) {
            CorpusReader.SentencePair pair;
            while ((pair = corpus.next()) != null) {
                assertFalse(
                        pair.source().contains("\n") || pair.target().contains("\n"), "a newline inside a sentence");
            }
        }
    }
}
