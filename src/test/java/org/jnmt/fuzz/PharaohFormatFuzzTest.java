package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jnmt.align.PharaohFormat;
import org.junit.jupiter.api.Timeout;

/** Pharaoh alignment files ({@code 0-0 1-2 ...} per line), whole files and single lines. */
@Timeout(10)
class PharaohFormatFuzzTest {

    private static final Path LINE_ORIGIN = Path.of("alignments.txt");

    @FuzzTest
    void read(byte[] content) {
        Path file = ParserContract.fileWith("alignments.txt", content);
        ParserContract.rejectsFileCleanly(file, () -> PharaohFormat.read(file));
    }

    @FuzzTest
    void parse(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        ParserContract.rejectsFileCleanly(LINE_ORIGIN, () -> PharaohFormat.parse(text, LINE_ORIGIN, 1));
    }
}
