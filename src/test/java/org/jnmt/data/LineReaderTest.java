package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

    private static List<String> readAll(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        try (LineReader reader = LineReader.of(new ByteArrayInputStream(bytes), Path.of("mem"))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void handlesLfCrlfAndMissingFinalNewline() {
        assertEquals(List.of("a", "b", "c"), readAll(utf8("a\nb\r\nc")));
        assertEquals(List.of("a", "", "b"), readAll(utf8("a\n\r\nb\n")));
        assertEquals(List.of(), readAll(utf8("")));
        assertEquals(List.of(""), readAll(utf8("\n")));
        // A lone CR inside a line is content, not a line end.
        assertEquals(List.of("a\rb"), readAll(utf8("a\rb\n")));
    }

    @Test
    void skipsByteOrderMarkOnlyAtTheStart() {
        assertEquals(List.of("x", "\uFEFFy"), readAll(utf8("\uFEFFx\n\uFEFFy\n")));
    }

    @Test
    void aShortFirstLineIsReturnedWithoutWaitingForMoreInput() {
        // A pipe that has delivered "a\n" and would block (here: fail) if read again.
        InputStream pipe = new InputStream() {
            private boolean delivered;

            @Override
            public int read() {
                throw new AssertionError("single-byte read");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                assertFalse(delivered, "the reader waited for more input after a complete first line");
                delivered = true;
                b[off] = 'a';
                b[off + 1] = '\n';
                return 2;
            }
        };
        assertEquals("a", LineReader.of(pipe, Path.of("pipe")).readLine());
    }

    @Test
    void longLinesCrossBufferBoundaries() {
        String longLine = "é".repeat(100_000);
        assertEquals(List.of(longLine, "z"), readAll(utf8(longLine + "\nz")));
    }

    @Test
    void strictModeNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("train.de");
        Files.write(file, new byte[] {'o', 'k', '\n', 'o', 'k', '\n', 'b', (byte) 0xC3, '(', '\n', 'z', '\n'});
        try (LineReader reader = LineReader.open(file)) {
            assertEquals("ok", reader.readLine());
            assertEquals("ok", reader.readLine());
            NmtException e = assertThrows(NmtException.class, reader::readLine);
            assertEquals(file + ":3: invalid UTF-8 byte sequence", e.getMessage());
        }
    }

    @Test
    void lenientModeReturnsTheBadLineAndGoesOn() {
        byte[] bytes = {'a', '\n', (byte) 0xFF, '\n', 'c'};
        try (LineReader reader = LineReader.of(new ByteArrayInputStream(bytes), LineReader.STDIN)) {
            assertEquals(new LineReader.Line(1, "a"), reader.next());
            LineReader.Line bad = reader.next();
            assertFalse(bad.valid());
            assertEquals(2, bad.number());
            LineReader.Line last = reader.next();
            assertTrue(last.valid());
            assertEquals("c", last.text());
            assertEquals(3, reader.lineNumber());
            assertNull(reader.next());
        }
    }

    @Test
    void rejectsOverlongAndSurrogateEncodings() {
        // Overlong '/' (C0 AF) and an encoded surrogate (ED A0 80) are not valid UTF-8.
        for (byte[] bad :
                List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            try (LineReader reader = LineReader.of(new ByteArrayInputStream(bad), Path.of("x"))) {
                assertFalse(reader.next().valid());
            }
        }
    }

    @Test
    void theBytesOfOneLineReadElsewhereFollowTheSameRules() {
        byte[] crlf = "la\u0301 nuit\r".getBytes(StandardCharsets.UTF_8);
        LineReader.Line line = LineReader.line(7, crlf, crlf.length);
        assertEquals(new LineReader.Line(7, "la\u0301 nuit"), line);
        byte[] padded = {'a', 'b', 'c', '\r', 'x'};
        assertEquals("abc", LineReader.line(1, padded, 4).text(), "the first length bytes, less the \\r");
        assertEquals("", LineReader.line(2, new byte[0], 0).text());
        assertFalse(LineReader.line(3, new byte[] {'a', (byte) 0xC3, 0x28, 'b', '\r'}, 5)
                .valid());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        NmtException e = assertThrows(NmtException.class, () -> LineReader.open(dir.resolve("nope.txt")));
        assertEquals(dir.resolve("nope.txt") + ": file not found", e.getMessage());
    }
}
