package org.jnmt.align;

import org.jnmt.util.NmtException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a UTF-8 text file strictly: malformed bytes are an error that names the file and line.
 * Lines end in LF or CRLF.
 */
final class TextLines {

    private TextLines() {
    }

    static List<String> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NmtException("cannot read " + file + ": no such file.");
        } catch (IOException e) {
            throw new NmtException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // Decoding line by line (a newline byte never occurs inside a UTF-8 sequence) lets an error name its line.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, contentEnd - start)).toString());
            } catch (CharacterCodingException e) {
                throw NmtException.at(file, lines.size() + 1, "not valid UTF-8.");
            }
            start = end + 1;
        }
        return lines;
    }
}
