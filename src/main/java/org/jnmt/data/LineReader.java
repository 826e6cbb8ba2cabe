package org.jnmt.data;

import java.io.Closeable;
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
import java.util.Arrays;
import java.util.List;
import org.jnmt.util.NmtException;

/**
 * Reads UTF-8 text one line at a time, with memory bounded by the longest line, and knows the
 * number (from 1) of the line it returned last. A line ends at {@code \n}; a {@code \r} just before
 * it is dropped (CRLF files); a last line without a final newline is still a line, and a file that
 * ends with a newline has no extra empty line. A UTF-8 byte-order mark at the very start is skipped.
 *
 * <p>Two modes: {@link #readLine()} is strict and throws {@code FILE:LINE: invalid UTF-8 byte
 * sequence}; {@link #next()} is lenient and returns a bad line as a {@link Line} without text, so
 * that the caller can warn and go on.
 */
public final class LineReader implements Closeable {

    /** Standard input, as named in messages. */
    public static final Path STDIN = Path.of("<stdin>");

    /** One line: its number and its text, or null text when its bytes are not valid UTF-8. */
    public record Line(long number, String text) {
        public boolean valid() {
            return text != null;
        }
    }

    private static final int[] BYTE_ORDER_MARK = {0xEF, 0xBB, 0xBF};

    private final InputStream in;
    private final Path name;
    private final boolean closeStream;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] lineBytes = new byte[256];
    private long lineNumber;
    private boolean started;
    private boolean exhausted;

    private LineReader(InputStream in, Path name, boolean closeStream) {
        this.in = in;
        this.name = name;
        this.closeStream = closeStream;
    }

    /** Opens a file; a missing or unreadable file is an {@link NmtException}. */
    public static LineReader open(Path file) {
        try {
            return new LineReader(Files.newInputStream(file), file, true);
        } catch (NoSuchFileException e) {
            throw new NmtException(file + ": file not found");
        } catch (IOException e) {
            throw new NmtException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Every line of a file, read strictly: invalid UTF-8 is an error naming FILE:LINE. */
    public static List<String> readAll(Path file) {
        List<String> lines = new ArrayList<>();
        try (LineReader reader = open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Reads a stream that the caller owns (closing this reader leaves it open), e.g. standard input. */
    public static LineReader of(InputStream in, Path name) {
        return new LineReader(in, name, false);
    }

    /** The name used in messages. */
    public Path name() {
        return name;
    }

    /** The number of the line returned last (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** Strict: the next line, or null at the end; invalid UTF-8 throws {@code FILE:LINE: ...}. */
    public String readLine() {
        Line line = next();
        if (line == null) {
            return null;
        }
        if (!line.valid()) {
            throw NmtException.at(name, line.number(), "invalid UTF-8 byte sequence");
        }
        return line.text();
    }

    /** Lenient: the next line, or null at the end; a line that is not valid UTF-8 has null text. */
    public Line next() {
        int length = readLineBytes();
        if (length < 0) {
            return null;
        }
        lineNumber++;
        return line(lineNumber, lineBytes, length);
    }

    /**
     * This reader's rules for the bytes of one line without its {@code \n} (read by someone else,
     * e.g. a Hadoop record reader): a final {@code \r} is dropped, and bytes that are not valid
     * UTF-8 give a line without text.
     */
    public static Line line(long number, byte[] bytes, int length) {
        int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Line(
                    number, decoder.decode(ByteBuffer.wrap(bytes, 0, end)).toString());
        } catch (CharacterCodingException e) {
            return new Line(number, null);
        }
    }

    /** Reads the bytes of the next line into lineBytes, without its {@code \n}; -1 at the end. */
    private int readLineBytes() {
        if (exhausted) {
            return -1;
        }
        int length = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                exhausted = true;
                if (!sawAnything) {
                    return -1;
                }
                return length;
            }
            sawAnything = true;
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            length = append(length, start, end - start);
            if (newline >= 0) {
                position = newline + 1;
                return length;
            }
            position = limit;
        }
    }

    private int append(int length, int from, int count) {
        if (length + count > lineBytes.length) {
            lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, length + count));
        }
        System.arraycopy(buffer, from, lineBytes, length, count);
        return length + count;
    }

    private boolean fill() {
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            if (!started) {
                started = true;
                skipByteOrderMark();
            }
            return position < limit || fill();
        } catch (IOException e) {
            throw new NmtException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Skips a BOM at the start. It reads on only while the bytes so far could still be one, so that
     * a short first line from a pipe or a terminal ("a\n") is not held back waiting for more input.
     */
    private void skipByteOrderMark() throws IOException {
        while (limit < 3 && isByteOrderMarkPrefix()) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            position = 3;
        }
    }

    private boolean isByteOrderMarkPrefix() {
        for (int i = 0; i < limit; i++) {
            if ((buffer[i] & 0xFF) != BYTE_ORDER_MARK[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (closeStream) {
            try {
                in.close();
            } catch (IOException e) {
                throw new NmtException(name + ": cannot close: " + e.getMessage(), e);
            }
        }
    }
}
