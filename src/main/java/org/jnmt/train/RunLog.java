package org.jnmt.train;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jnmt.util.Console;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

/**
 * RUN/train.log: everything the trainer says, one timestamped line each
 * ({@code 2025-01-31 14:02:11  message}), appended across resumed sessions and flushed per line.
 */
public final class RunLog implements Closeable {

    public static final String FILE_NAME = "train.log";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final Writer out;
    private boolean failed;

    private RunLog(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    public static RunLog open(Path runDir) {
        Path file = runDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(runDir);
            return new RunLog(
                    file,
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new NmtException(file + ": cannot open the training log (" + IoErrors.describe(e) + ")");
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one line; a failure to write is reported once on the terminal and does not stop training. */
    public synchronized void write(String message) {
        if (failed) {
            return;
        }
        try {
            out.write(LocalDateTime.now(ZoneId.systemDefault()).format(TIMESTAMP) + "  " + message + "\n");
            out.flush();
        } catch (IOException e) {
            failed = true;
            Console.warn(file + ": cannot write the training log any more (" + IoErrors.describe(e) + ")");
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            Console.warn(file + ": cannot close the training log (" + IoErrors.describe(e) + ")");
        }
    }
}
