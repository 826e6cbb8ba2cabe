package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.jnmt.align.PharaohFormat;

import java.nio.file.Path;

/** Pharaoh alignment files ({@code 0-0 1-2 ...} per line), whole files and single lines. */
class PharaohFormatFuzzTest {

    private static final Path LINE_ORIGIN = Path.of("alignments.txt");

    @FuzzTest
    void read(byte[] content) {
        Path file = ParserContract.fileWith("alignments.txt", content);
        ParserContract.rejectsFileCleanly(file, () -> PharaohFormat.read(file));
    }

    @FuzzTest
    void parse(@NotNull String line) {
        ParserContract.rejectsFileCleanly(LINE_ORIGIN, () -> PharaohFormat.parse(line, LINE_ORIGIN, 1));
    }
}
