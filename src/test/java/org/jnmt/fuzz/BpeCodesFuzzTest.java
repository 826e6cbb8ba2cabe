package org.jnmt.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.jnmt.data.BpeCodes;
import org.jnmt.data.BpeEncoder;
import org.junit.jupiter.api.Timeout;

/** BPE codes files (subword-nmt format), read and then applied. */
@Timeout(10)
class BpeCodesFuzzTest {

    private static final String SAMPLE = "the lowest newer wider <unk> </w> @@ e r</w> Ünïcödé 日本語 😀😀 a";

    @FuzzTest
    void read(byte[] content) {
        Path file = ParserContract.fileWith("bpe.codes", content);
        ParserContract.rejectsFileCleanly(file, () -> BpeCodes.read(file));
    }

    /** Whatever merges a file holds, applying them must segment words, never fail. */
    @FuzzTest
    void readAndApply(byte[] content) {
        Path file = ParserContract.fileWith("bpe.codes", content);
        ParserContract.rejectsFileCleanly(file, () -> {
            BpeEncoder encoder = new BpeEncoder(BpeCodes.read(file));
            for (String word : SAMPLE.split(" ")) {
                assertEquals(word, String.join("", encoder.segment(word)), "segments do not spell the word");
            }
        });
    }
}
