package org.jnmt.cli;

import org.jnmt.util.Console;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand accepts, before or after its name. */
public class GlobalOptions {

    /** The number of compute threads; read by the commands that start ND4J. */
    static volatile int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces and debug output.")
    void setVerbose(boolean verbose) {
        Console.configure(Console.quiet(), verbose);
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Silence progress output.")
    void setQuiet(boolean quiet) {
        Console.configure(quiet, Console.verbose());
    }

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Compute threads (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    void setThreads(int n) {
        if (n < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads must be at least 1, got " + n);
        }
        threads = n;
    }

    public static int threads() {
        return threads;
    }
}
