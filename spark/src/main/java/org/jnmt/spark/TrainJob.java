package org.jnmt.spark;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jnmt.cli.NmtCommand;
import org.jnmt.cli.TrainCommand;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.train.AdamOptimizer;
import org.jnmt.train.Trainer;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main class for {@code spark-submit}: {@code nmt train} (the same config file and options,
 * the same run directory on the driver) with data-parallel workers on Spark that average their
 * weights and Adam moments every few updates ({@link SparkRounds}).
 */
@Command(
        name = "org.jnmt.spark.TrainJob",
        mixinStandardHelpOptions = true,
        description = {
            "Train a model as 'nmt train' does, with N data-parallel workers on Spark: the training data is split "
                    + "into N shards; each round, every worker starts from the same weights and Adam moments, "
                    + "makes K updates on its shard, and the means of the workers' weights and moments go on.",
            "Validation, early stopping, checkpoints and metrics are the driver's, in the run directory OUT."
        })
public final class TrainJob extends TrainCommand {

    @Option(
            names = "--workers",
            paramLabel = "N",
            required = true,
            description = "Data-parallel workers (shards of the training data), one Spark task each.")
    int workers;

    @Option(
            names = "--average-every",
            paramLabel = "K",
            defaultValue = "50",
            description = "Updates each worker makes between two averagings (default: ${DEFAULT-VALUE}).")
    int averageEvery;

    @Option(
            names = "--average-warmup-steps",
            paramLabel = "W",
            defaultValue = "0",
            description = "Average after every update for the first W updates, then every K (post-local SGD, "
                    + "Lin et al. 2020; default: ${DEFAULT-VALUE}).")
    long warmupSteps;

    @Option(
            names = "--driver-threads",
            paramLabel = "T",
            defaultValue = "1",
            description = "BLAS threads of the driver's validation (in local mode, of the workers too; "
                    + "default: ${DEFAULT-VALUE}).")
    int driverThreads;

    public static void main(String[] args) {
        int code = NmtCommand.commandLine(new TrainJob()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        if (workers < 1) {
            throw new UsageException("--workers must be at least 1, got " + workers);
        }
        if (averageEvery < 1) {
            throw new UsageException("--average-every must be at least 1, got " + averageEvery);
        }
        if (warmupSteps < 0) {
            throw new UsageException("--average-warmup-steps must not be negative, got " + warmupSteps);
        }
        if (driverThreads < 1) {
            throw new UsageException("--driver-threads must be at least 1, got " + driverThreads);
        }
        Backend.start(driverThreads);
        return super.call();
    }

    @Override
    protected Trainer.Outcome train(NmtConfig cfg, PreparedData data, Path out, Seq2SeqModel model, boolean resume) {
        SparkSession session = SparkSession.builder().appName("jnmt train").getOrCreate();
        try {
            AdamOptimizer adam = AdamOptimizer.fromConfig(model.parameters(), cfg.training);
            try (SparkRounds rounds = new SparkRounds(
                    JavaSparkContext.fromSparkContext(session.sparkContext()),
                    cfg,
                    data,
                    model,
                    adam,
                    workers,
                    averageEvery,
                    warmupSteps)) {
                Trainer.Outcome outcome = new Trainer(cfg, data, out, model, adam, rounds).run(resume);
                Console.info("train: " + rounds.costSummary());
                return outcome;
            }
        } catch (NmtException e) {
            throw e;
        } catch (Exception e) { // Spark's job failures are (undeclared) SparkExceptions
            throw TranslateJob.userError(e);
        } finally {
            session.stop();
        }
    }
}
