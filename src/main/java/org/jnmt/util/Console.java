package org.jnmt.util;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one place that writes to stderr: progress and log lines, warnings and errors, so that stdout
 * carries only results. Text is UTF-8 whatever the platform's charset. {@code --quiet} silences
 * progress and info lines; warnings and errors are always printed. The command line points it at
 * its own error writer for the length of a command ({@link #use}), so that what a command says
 * goes where picocli's messages go.
 */
public final class Console {

    private static final PrintWriter STDERR =
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);

    private static volatile boolean quiet;
    private static volatile boolean verbose;
    private static volatile PrintWriter err = STDERR;

    private Console() {}

    public static void configure(boolean quietMode, boolean verboseMode) {
        quiet = quietMode;
        verbose = verboseMode;
    }

    /** The writer over stderr itself. */
    public static PrintWriter stderr() {
        return STDERR;
    }

    /** Sends what follows to {@code writer} and returns the writer used until now, to restore after. */
    public static PrintWriter use(PrintWriter writer) {
        PrintWriter previous = err;
        err = writer;
        return previous;
    }

    /** The writer in use, for output that draws on the terminal itself (a live progress line). */
    public static PrintWriter writer() {
        return err;
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
            println(message);
        }
    }

    /** Something the user should know even with --quiet (a skipped line, a truncated output). */
    public static void warn(String message) {
        println("warning: " + message);
    }

    /** Only with --verbose. */
    public static void debug(String message) {
        if (verbose) {
            println(message);
        }
    }

    private static void println(String message) {
        PrintWriter out = err;
        out.println(message);
        out.flush();
    }

    /** True when stderr is an interactive terminal, so that a live progress line can redraw itself. */
    public static boolean interactive() {
        // On Java 17 (the target) System.console() is null exactly when not attached to a terminal.
        @SuppressWarnings("SystemConsoleNull")
        boolean terminal = System.console() != null;
        return terminal && System.getenv("CI") == null;
    }
}
