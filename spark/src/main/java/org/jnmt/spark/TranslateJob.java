package org.jnmt.spark;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jnmt.api.TranslationOptions;
import org.jnmt.cli.DecodingOptions;
import org.jnmt.cli.NmtCommand;
import org.jnmt.util.NmtException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main class for {@code spark-submit}: translates a text file into a directory of part files,
 * with the rules of {@code nmt translate} (one line per line, empty lines kept, invalid UTF-8
 * translated as an empty line and the exit code 1 at the end).
 */
@Command(
        name = "org.jnmt.spark.TranslateJob",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Translate a text file on Spark: one sentence per line, into a directory of part files "
                    + "whose concatenation in name order is the translation, line i of input line i."
        })
public final class TranslateJob implements Callable<Integer> {

    /** Options with every value at its lower limit, to check the given ones on the driver. */
    private static final TranslationOptions LOWEST = new TranslationOptions(1, 0, 1, Double.MIN_VALUE, 1, false);

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "MODEL",
            description = "A model directory every executor can read, or a zip of one: a path every executor can "
                    + "read, or the name of a file given to spark-submit --files.")
    String model;

    @Option(
            names = {"-i", "--input"},
            required = true,
            paramLabel = "PATH",
            description = "The text to translate (a Hadoop filesystem path or glob: file://, hdfs://, s3a://...).")
    String input;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "PATH",
            description = "The output directory, which must not exist.")
    String output;

    @Mixin
    DecodingOptions decoding;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "0",
            description = "Split the input into at least N partitions (default: Spark's default parallelism).")
    int partitions;

    public static void main(String[] args) {
        int code = NmtCommand.commandLine(new TranslateJob()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        decoding.apply(LOWEST, 1); // a bad value is a usage error here, not a failed task on every executor
        DecodingOptions search = decoding;
        SparkSession session = SparkSession.builder().appName("jnmt translate").getOrCreate();
        try {
            long start = System.nanoTime();
            TextFileTranslation result = new SparkTranslator(model)
                    .withOptions(defaults -> search.apply(defaults, 1))
                    .translateTextFile(
                            JavaSparkContext.fromSparkContext(session.sparkContext()), input, output, partitions);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(
                    Locale.ROOT,
                    "jnmt: %d lines translated into %s in %.1f s (%.1f lines/s, %d partitions)%n",
                    result.lines(),
                    output,
                    seconds,
                    result.lines() / seconds,
                    result.partitions());
            if (result.invalidLines() > 0) {
                throw new NmtException(result.invalidLines()
                        + " input line(s) were not valid UTF-8 and were translated as empty lines.");
            }
            return 0;
        } catch (NmtException e) {
            throw e;
        } catch (Exception e) { // Spark's job failures are (undeclared) SparkExceptions
            throw userError(e);
        } finally {
            session.stop();
        }
    }

    /** The NmtException that failed the tasks (a missing model, say), else the Spark failure itself. */
    static NmtException userError(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NmtException nmt) {
                return nmt;
            }
        }
        return new NmtException("the Spark job failed: " + e.getMessage(), e);
    }
}
