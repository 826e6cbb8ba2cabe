package org.jnmt.util;

/** A wrong combination of options or arguments, found after parsing: exit code 2, like a parse error. */
public class UsageException extends NmtException {

    public UsageException(String message) {
        super(message);
    }
}
