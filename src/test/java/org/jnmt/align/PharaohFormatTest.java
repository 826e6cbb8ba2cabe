package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PharaohFormatTest {

    @TempDir
    Path dir;

    @Test
    void formatsSortedLinks() {
        assertEquals(
                "0-0 1-2 2-1 2-3",
                PharaohFormat.format(List.of(new Link(2, 3), new Link(1, 2), new Link(0, 0), new Link(2, 1))));
        assertEquals("", PharaohFormat.format(List.of()));
    }

    @Test
    void writesAndReadsBackOneLinePerSentence() throws IOException {
        List<List<Link>> sentences =
                List.of(List.of(new Link(0, 0), new Link(1, 2)), List.of(), List.of(new Link(10, 3)));
        StringWriter text = new StringWriter();
        PharaohFormat.write(text, sentences);
        assertEquals("0-0 1-2\n\n10-3\n", text.toString());
        Path file = dir.resolve("hyp.align");
        Files.writeString(file, text.toString());
        assertEquals(sentences, PharaohFormat.read(file));
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        Path file = dir.resolve("bad.align");
        assertError(file, "0-0 1-1\n2-x\n", ":2: link '2-x' is not numeric");
        assertError(file, "0-0\n\n-1-2\n", ":3: link '-1-2' has a negative index.");
        assertError(file, "0-0 1--2\n", ":1: link '1--2' has a negative index.");
        assertError(file, "0-0 12\n", ":1: link '12' has no dash");
        assertError(file, "0-0 1-\n", ":1: link '1-' is not numeric");
        assertError(file, "99999999999-1\n", ":1: link '99999999999-1' has an index too large");
    }

    @Test
    void rejectsMalformedUtf8AndMissingFiles() throws IOException {
        Path file = dir.resolve("latin1.align");
        Files.write(file, new byte[] {'0', '-', '0', '\n', (byte) 0xe9, '\n'});
        NmtException e = assertThrows(NmtException.class, () -> PharaohFormat.read(file));
        assertEquals(file + ":2: invalid UTF-8 byte sequence", e.getMessage());
        NmtException missing = assertThrows(NmtException.class, () -> PharaohFormat.read(dir.resolve("none")));
        assertEquals(dir.resolve("none") + ": file not found", missing.getMessage());
    }

    private static void assertError(Path file, String content, String expected) throws IOException {
        Files.writeString(file, content);
        NmtException e = assertThrows(NmtException.class, () -> PharaohFormat.read(file));
        assertEquals(
                file.toString(), e.getMessage().substring(0, file.toString().length()), e.getMessage());
        assertEquals(true, e.getMessage().contains(expected), e.getMessage());
    }
}
