package org.jnmt.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jnmt.config.DecoderType;
import org.jnmt.eval.SmoothingMethod;
import org.jnmt.eval.TokenizerName;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.OutOfMemory;
import org.jnmt.util.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The root of the {@code nmt} command line. Exit codes: 0 success, 1 runtime failure, 2 usage error.
 * Subcommands that need no model never touch ND4J, so they start without loading native code.
 */
@Command(
        name = "nmt",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Neural machine translation: a GRU encoder-decoder with Bahdanau attention.",
        subcommands = {
            CommandLine.HelpCommand.class,
            TokenizeCommand.class,
            DetokenizeCommand.class,
            BpeCommand.class,
            PrepareCommand.class,
            TrainCommand.class,
            QuickstartCommand.class,
            AverageCommand.class,
            BleuCommand.class,
            BenchCommand.class,
            TranslateCommand.class,
            AttentionCommand.class,
            AlignCommand.class,
            ServeCommand.class,
            ServeBenchCommand.class,
            EvaluateCommand.class,
            InfoCommand.class,
            PlotCommand.class,
        })
public class NmtCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'nmt --help'.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (used by tests too). */
    public static int execute(String... args) {
        CommandLine cli = newCommandLine();
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's exception handler: one sentence, not a stack trace.
            cli.getErr().println("error: " + OutOfMemory.advice(e));
            cli.getErr().flush();
            return 1;
        }
    }

    public static CommandLine newCommandLine() {
        return commandLine(new NmtCommand());
    }

    /**
     * A command line for {@code command} that behaves like nmt's: UTF-8 output, one-sentence errors,
     * exit code 1 for an {@link NmtException} and 2 for a usage error (other main classes use it).
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        // Results and messages are UTF-8 whatever the platform's default charset.
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(Console.stderr());
        cli.setExecutionStrategy(NmtCommand::executeWithConsole);
        EnumConverter.register(cli, BleuCommand.Metric.class);
        EnumConverter.register(cli, DecoderType.class);
        EnumConverter.register(cli, OutputFormat.class);
        EnumConverter.register(cli, PlotCommand.XAxis.class);
        EnumConverter.register(cli, SmoothingMethod.class);
        EnumConverter.register(cli, TokenizerName.class);
        EnumConverter.register(cli, TranslationFormat.Alignments.class);
        cli.setExecutionExceptionHandler(NmtCommand::handleFailure);
        cli.setParameterExceptionHandler(NmtCommand::handleUsageError);
        return cli;
    }

    /**
     * Runs the parsed command with the console set up from the global options and writing where
     * this command line's errors go (a test may have replaced stderr), restored afterwards.
     */
    private static int executeWithConsole(CommandLine.ParseResult parsed) {
        CommandLine cli = parsed.commandSpec().commandLine();
        GlobalOptions global = GlobalOptions.of(parsed.commandSpec());
        Console.configure(global.quiet, global.verbose);
        PrintWriter previous = Console.use(cli.getErr());
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            Console.use(previous);
        }
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return 2;
        }
        err.println("error: " + (e instanceof NmtException ? e.getMessage() : describe(e)));
        if (Console.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** An unexpected exception in one line; errors such as OutOfMemoryError never reach here (see execute). */
    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run with --verbose for the stack trace)";
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return 2;
    }
}
