package org.jnmt.util;

import java.io.PrintStream;

/**
 * Where progress and log lines go: stderr, so that stdout carries only results. {@code --quiet}
 * silences progress and info lines; warnings and errors are always printed.
 */
public final class Console {

    private static volatile boolean quiet;
    private static volatile boolean verbose;
    private static final PrintStream ERR = System.err;

    private Console() {
    }

    public static void configure(boolean quietMode, boolean verboseMode) {
        quiet = quietMode;
        verbose = verboseMode;
    }

    public static boolean quiet() {
        return quiet;
    }

    public static boolean verbose() {
        return verbose;
    }

    /** Progress and information; silenced by --quiet. */
    public static void info(String message) {
        if (!quiet) {
            ERR.println(message);
        }
    }

    /** Something the user should know even with --quiet (a skipped line, a truncated output). */
    public static void warn(String message) {
        ERR.println("warning: " + message);
    }

    /** Only with --verbose. */
    public static void debug(String message) {
        if (verbose) {
            ERR.println(message);
        }
    }

    /** True when stderr is an interactive terminal, so that a live progress line can redraw itself. */
    public static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
