package org.jnmt.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Options every subcommand accepts, before or after its name: a mixin of the root command whose
 * options subcommands inherit. Picocli sets inherited options on this one instance, so a command
 * reads them from the root ({@link #of}).
 */
public class GlobalOptions {

    private static final int DEFAULT_THREADS = 2;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces and debug output.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Silence progress output.")
    boolean quiet;

    private int threads = DEFAULT_THREADS;

    @Option(
            names = "--threads",
            scope = ScopeType.INHERIT,
            paramLabel = "N",
            description = "Compute threads (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + DEFAULT_THREADS)
    void setThreads(int n) {
        if (n < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads must be at least 1, got " + n);
        }
        threads = n;
    }

    /** The number of compute threads, for the commands that start ND4J. */
    int threads() {
        return threads;
    }

    /**
     * The global options of the command line that {@code spec} belongs to; the defaults for a command
     * line whose root is not {@code nmt} (another main class, such as the Spark job, that reuses
     * {@link NmtCommand#commandLine}).
     */
    static GlobalOptions of(CommandSpec spec) {
        return spec.root().userObject() instanceof NmtCommand nmt ? nmt.global : new GlobalOptions();
    }
}
