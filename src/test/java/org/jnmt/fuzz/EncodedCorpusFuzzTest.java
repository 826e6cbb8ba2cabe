package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.jnmt.data.EncodedCorpus;
import org.junit.jupiter.api.Timeout;

/** The binary id files that 'nmt prepare' writes and training reads: a corrupt one must be reported. */
@Timeout(10)
class EncodedCorpusFuzzTest {

    @FuzzTest
    void read(byte[] content) {
        Path file = ParserContract.fileWith("train.ids", content);
        ParserContract.rejectsFileCleanly(file, () -> {
            EncodedCorpus corpus = EncodedCorpus.read(file);
            for (int i = 0; i < corpus.size(); i++) {
                corpus.source(i);
                corpus.target(i);
            }
        });
    }
}
