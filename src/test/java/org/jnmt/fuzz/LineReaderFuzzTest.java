package org.jnmt.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.data.LineReader;
import org.junit.jupiter.api.Timeout;

/** The line reader under every text input: strict on files, lenient on a stream that trickles in. */
@Timeout(10)
class LineReaderFuzzTest {

    @FuzzTest
    void strict(byte[] content) {
        Path file = ParserContract.fileWith("lines.txt", content);
        ParserContract.rejectsFileCleanly(file, () -> {
            try (LineReader reader = LineReader.open(file)) {
                while (reader.readLine() != null) {
                    // reading is the test
                }
            }
        });
    }

    /**
     * Standard input arrives a few bytes at a time: the lines (and the byte-order mark) must come out
     * the same as from one buffer, numbered 1, 2, 3...
     */
    @FuzzTest
    void lenientTrickle(byte[] content) {
        List<LineReader.Line> whole = lines(new ByteArrayInputStream(content));
        List<LineReader.Line> trickled = lines(new OneByteStream(content));
        assertEquals(whole, trickled);
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(i + 1, whole.get(i).number());
        }
    }

    private static List<LineReader.Line> lines(InputStream in) {
        List<LineReader.Line> lines = new ArrayList<>();
        try (LineReader reader = LineReader.of(in, LineReader.STDIN)) {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A pipe that hands over one byte per read. */
    private static final class OneByteStream extends ByteArrayInputStream {
        OneByteStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
