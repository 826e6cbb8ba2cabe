package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import org.jnmt.align.GoldReader;
import org.junit.jupiter.api.Timeout;

/** Gold alignment files in either format (Pharaoh or NAACL, told apart from the first line). */
@Timeout(10)
class GoldReaderFuzzTest {

    /** 1-based indices (awesome-align's enfr.gold, NAACL with NULL word 0), corpus size taken from the file. */
    @FuzzTest
    void readOneBased(byte[] content) {
        Path file = ParserContract.fileWith("gold.txt", content);
        ParserContract.rejectsFileCleanly(file, () -> GoldReader.read(file, 1, 0));
    }

    /** 0-based indices checked against a corpus of 2 sentence pairs. */
    @FuzzTest
    void readZeroBased(byte[] content) {
        Path file = ParserContract.fileWith("gold.txt", content);
        ParserContract.rejectsFileCleanly(file, () -> GoldReader.read(file, 0, 2));
    }

    /** A sure .talp file and its possible-only companion: the input holds both, split at the first NUL byte. */
    @FuzzTest
    void readSureAndPossible(byte[] content) {
        int split = 0;
        while (split < content.length && content[split] != 0) {
            split++;
        }
        Path sure = ParserContract.fileWith("sure.talp", Arrays.copyOfRange(content, 0, split));
        Path possible = ParserContract.fileWith(
                "possible.talp", Arrays.copyOfRange(content, Math.min(split + 1, content.length), content.length));
        ParserContract.rejectsCleanly(() -> GoldReader.readSureAndPossible(sure, possible, 0, 0));
    }
}
