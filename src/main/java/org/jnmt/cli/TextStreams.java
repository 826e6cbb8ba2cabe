package org.jnmt.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jnmt.data.LineReader;
import org.jnmt.util.NmtException;
import picocli.CommandLine;

/** The text input and output of the commands: files, or stdin and stdout. */
final class TextStreams {

    private TextStreams() {}

    /** A file, or standard input when {@code file} is null. */
    static LineReader input(Path file) {
        return file == null ? LineReader.of(System.in, LineReader.STDIN) : LineReader.open(file);
    }

    /** A UTF-8 file, or the command line's standard output (left open on close) when {@code file} is null. */
    static Writer output(Path file, CommandLine cli) {
        if (file == null) {
            return new FilterWriter(cli.getOut()) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Every line of a file, read strictly: invalid UTF-8 is an error naming FILE:LINE. */
    static List<String> readAll(Path file) {
        return LineReader.readAll(file);
    }

    /** Fails unless two line-aligned files have as many lines. */
    static void requireSameLength(Path first, List<String> firstLines, Path second, List<String> secondLines) {
        if (firstLines.size() != secondLines.size()) {
            throw new NmtException(first + " has " + firstLines.size() + " lines but " + second + " has "
                    + secondLines.size() + "; they must be line-aligned.");
        }
    }

    /** Reads every line strictly (invalid UTF-8 is FILE:LINE), writes {@code transform(line)}, one line per line. */
    static void filter(Path in, Path out, CommandLine cli, UnaryOperator<String> transform) {
        try (LineReader reader = input(in);
                Writer writer = output(out, cli)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(transform.apply(line));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new NmtException(
                    (out == null ? "<stdout>" : out.toString()) + ": cannot write: " + e.getMessage(), e);
        }
    }
}
