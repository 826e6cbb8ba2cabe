package org.jnmt.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jnmt.util.NmtException;

/**
 * The rule every fuzz target enforces: a parser given bad input either succeeds or throws
 * {@link NmtException} with a message the user can read; any other throwable (NullPointerException,
 * IndexOutOfBoundsException, NumberFormatException, OutOfMemoryError...) escapes and is a finding.
 */
final class ParserContract {

    /** One scratch file per JVM, rewritten for every input (fuzzing runs millions of them). */
    private static Path scratch;

    private ParserContract() {}

    /** Runs {@code parse}; an NmtException passes if its message is non-blank, anything else fails. */
    static void rejectsCleanly(Runnable parse) {
        try {
            parse.run();
        } catch (NmtException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "NmtException without a message");
        }
    }

    /** Like {@link #rejectsCleanly} for a file parser: an error must name the file it is about. */
    static void rejectsFileCleanly(Path file, Runnable parse) {
        try {
            parse.run();
        } catch (NmtException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "NmtException without a message");
            assertTrue(e.getMessage().contains(file.toString()), "the error does not name the file: " + e.getMessage());
        }
    }

    /**
     * Like {@link #rejectsFileCleanly}, and the parser must close what it opened, failing or not
     * (checked where the JVM counts its open descriptors; the parser is warmed up first so that
     * the jars its classes load from are already open).
     */
    static void rejectsFileCleanlyAndClosesIt(Path file, Runnable parse) {
        rejectsFileCleanly(file, parse);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            // At most as many as before: other threads (the fuzzer, cleaners) may close files meanwhile.
            long before = os.getOpenFileDescriptorCount();
            rejectsFileCleanly(file, parse);
            long after = os.getOpenFileDescriptorCount();
            assertTrue(
                    after <= before,
                    "the parser left a file open (" + before + " descriptors before, " + after + " after)");
        }
    }

    /** Writes {@code bytes} to the scratch file (named {@code name} for readable messages) and returns it. */
    static synchronized Path fileWith(String name, byte[] bytes) {
        try {
            if (scratch == null) {
                scratch = Files.createTempDirectory("jnmt-fuzz");
                scratch.toFile().deleteOnExit();
            }
            Path file = scratch.resolve(name);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
