package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.jnmt.eval.SegmentReader;
import org.junit.jupiter.api.Timeout;

/** The BLEU/chrF input reader: hypothesis and reference files (plain or gzip) and standard input. */
@Timeout(10)
class SegmentReaderFuzzTest {

    @FuzzTest
    void readFile(byte[] content) {
        Path file = ParserContract.fileWith("hyp.txt", content);
        ParserContract.rejectsFileCleanly(file, () -> SegmentReader.readFile(file));
    }

    /** Mostly not gzip at all: the file must be closed again whatever the failure. */
    @FuzzTest
    void readGzipFile(byte[] content) {
        Path file = ParserContract.fileWith("ref.txt.gz", content);
        ParserContract.rejectsFileCleanlyAndClosesIt(file, () -> SegmentReader.readFile(file));
    }

    @FuzzTest
    void readStream(byte[] content) {
        ParserContract.rejectsCleanly(() -> SegmentReader.readStream(new ByteArrayInputStream(content), "<stdin>"));
    }
}
