package org.jnmt.util;

import java.nio.file.Path;

/**
 * A failure the user can act on: bad input, a missing file, a corrupt checkpoint. The command line
 * prints its message as one sentence on stderr (no stack trace unless --verbose) and exits with 1.
 */
public class NmtException extends RuntimeException {

    public NmtException(String message) {
        super(message);
    }

    public NmtException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error in an input file, named the way compilers do: {@code FILE:LINE: message}. */
    public static NmtException at(Path file, long line, String message) {
        return new NmtException(file + ":" + line + ": " + message);
    }
}
