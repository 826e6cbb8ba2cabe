package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.jnmt.align.GoldReader;

import java.nio.file.Path;

/** Gold alignment files in either format (Pharaoh or NAACL), 0- or 1-based, with or without a corpus size. */
class GoldReaderFuzzTest {

    @FuzzTest
    void read(FuzzedDataProvider data) {
        int base = data.consumeBoolean() ? 1 : 0;
        int sentences = data.consumeInt(0, 50);
        Path file = ParserContract.fileWith("gold.txt", data.consumeRemainingAsBytes());
        ParserContract.rejectsFileCleanly(file, () -> GoldReader.read(file, base, sentences));
    }

    @FuzzTest
    void readSureAndPossible(FuzzedDataProvider data) {
        int base = data.consumeBoolean() ? 1 : 0;
        Path sure = ParserContract.fileWith("sure.talp", data.consumeBytes(data.consumeInt(0, 4096)));
        Path possible = ParserContract.fileWith("possible.talp", data.consumeRemainingAsBytes());
        ParserContract.rejectsCleanly(() -> GoldReader.readSureAndPossible(sure, possible, base, 0));
    }
}
