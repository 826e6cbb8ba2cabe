package org.jnmt.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr (and optionally stdin). */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cli = NmtCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun withInput(byte[] stdin, String... args) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            return of(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** The output lines; a final newline ends the last line rather than starting an empty one. */
    String[] outLines() {
        if (out.isEmpty()) {
            return new String[0];
        }
        return (out.endsWith("\n") ? out.substring(0, out.length() - 1) : out).split("\n", -1);
    }
}
