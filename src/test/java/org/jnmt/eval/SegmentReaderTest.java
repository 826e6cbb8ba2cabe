package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void filesSplitOnNewlineOnlyAndRightStrip() throws IOException {
        Path file = write("f.txt", "a\rb \r\n\u2028c\u00A0\n\n d \u3000\nlast".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("a\rb", "\u2028c", "", " d", "last"), SegmentReader.readFile(file));
    }

    @Test
    void finalNewlineAddsNoEmptyLineAndEmptyFileHasNone() throws IOException {
        assertEquals(
                List.of("x", ""), SegmentReader.readFile(write("a.txt", "x\n\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(), SegmentReader.readFile(write("b.txt", new byte[0])));
    }

    @Test
    void standardInputUsesUniversalNewlines() {
        byte[] bytes = "a b\rc\r\nd\n\re".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                List.of("a b", "c", "d", "", "e"),
                SegmentReader.readStream(new ByteArrayInputStream(bytes), "<stdin>"));
    }

    @Test
    void invalidUtf8NamesFileAndLine() throws IOException {
        Path file = write("bad.txt", new byte[] {'o', 'k', '\n', 'x', (byte) 0xC3, '\n'});
        NmtException e = assertThrows(NmtException.class, () -> SegmentReader.readFile(file));
        assertEquals(file + ":2: invalid UTF-8; the segments must be UTF-8 text.", e.getMessage());
        NmtException surrogate = assertThrows(
                NmtException.class,
                () -> SegmentReader.readStream(
                        new ByteArrayInputStream(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "<stdin>"));
        assertEquals("<stdin>:1: invalid UTF-8; the segments must be UTF-8 text.", surrogate.getMessage());
    }

    @Test
    void gzipFilesAreDecompressed() throws IOException {
        Path file = dir.resolve("r.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("Grüße\nzwei \n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("Grüße", "zwei"), SegmentReader.readFile(file));
    }

    @Test
    void missingFileIsAClearError() {
        NmtException e = assertThrows(NmtException.class, () -> SegmentReader.readFile(dir.resolve("nope.txt")));
        assertEquals(dir.resolve("nope.txt") + ": no such file.", e.getMessage());
    }
}
