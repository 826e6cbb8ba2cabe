package org.jnmt.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.jnmt.data.Vocabulary;
import org.junit.jupiter.api.Timeout;

/** Vocabulary files: the four special tokens, then one token (and optional frequency) a line. */
@Timeout(10)
class VocabularyFuzzTest {

    @FuzzTest
    void load(byte[] content) {
        Path file = ParserContract.fileWith("vocab.src", content);
        ParserContract.rejectsFileCleanly(file, () -> {
            Vocabulary vocabulary = Vocabulary.load(file);
            for (int id = 0; id < vocabulary.size(); id++) {
                assertEquals(id, vocabulary.id(vocabulary.token(id)), "a token does not map back to its id");
            }
        });
    }
}
