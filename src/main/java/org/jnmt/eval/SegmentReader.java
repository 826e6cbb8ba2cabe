package org.jnmt.eval;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.GZIPInputStream;
import org.jnmt.util.NmtException;

/**
 * Reads segments, one per line, the way the sacreBLEU command line does: strict UTF-8, each line
 * right-stripped of Python whitespace. Files (gzip-compressed when named {@code *.gz}) are split on
 * {@code \n} only, so a {@code \r} or U+2028 inside a line stays there (and later separates tokens);
 * standard input is read with Python's universal newlines, where {@code \r\n}, {@code \r} and
 * {@code \n} all end a line. A final line without a newline counts; an empty input has no lines.
 */
public final class SegmentReader {

    private SegmentReader() {}

    /** The segments of {@code file}; invalid UTF-8 is an error naming {@code FILE:LINE}. */
    public static List<String> readFile(Path file) {
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new NmtException(file + ": no such file.");
        } catch (IOException e) {
            throw new NmtException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        return decodeLines(bytes, false, file.toString());
    }

    /** The segments of a stream read as sacreBLEU reads standard input; errors name {@code name}. */
    public static List<String> readStream(InputStream in, String name) {
        try {
            return decodeLines(in.readAllBytes(), true, name);
        } catch (IOException e) {
            throw new NmtException(name + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory");
        }
        InputStream in = Files.newInputStream(file);
        if (!file.toString().endsWith(".gz")) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close(); // not gzip: the file must not stay open
            throw e;
        }
    }

    private static List<String> decodeLines(byte[] bytes, boolean universalNewlines, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < bytes.length) {
            byte b = bytes[i];
            if (b == '\n' || (universalNewlines && b == '\r')) {
                lines.add(decodeLine(decoder, bytes, start, i, source, lines.size() + 1));
                i += (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < bytes.length) {
            lines.add(decodeLine(decoder, bytes, start, bytes.length, source, lines.size() + 1));
        }
        return lines;
    }

    private static String decodeLine(
            CharsetDecoder decoder, byte[] bytes, int from, int to, String source, int lineNumber) {
        try {
            String line =
                    decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            return PythonStrings.rstrip(line);
        } catch (CharacterCodingException e) {
            // FILE:LINE as NmtException.at writes it; standard input has no Path
            throw new NmtException(source + ":" + lineNumber + ": invalid UTF-8; the segments must be UTF-8 text.");
        }
    }
}
