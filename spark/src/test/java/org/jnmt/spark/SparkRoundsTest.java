package org.jnmt.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jnmt.api.ModelDirectory;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.cli.NmtCommand;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.quickstart.DateCorpus;
import org.jnmt.train.AdamOptimizer;
import org.jnmt.train.DataParallelState;
import org.jnmt.train.StopReason;
import org.jnmt.train.Trainer;
import org.jnmt.train.TrainingCheckpoint;
import org.jnmt.train.TrainingState;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Data-parallel training on local[2]: one worker trains exactly as the single-process trainer, and a
 * driver stopped between rounds resumes to exactly the weights of an uninterrupted run. A tiny model
 * (dropout on, so the dropout masks must follow too), 200 pairs, 13 batches an epoch; about 40 s.
 */
class SparkRoundsTest {

    @TempDir
    static Path dir;

    static SparkSession spark;
    static JavaSparkContext context;
    private static NmtConfig config;
    private static PreparedData data;

    @BeforeAll
    static void prepare() {
        Path corpus = dir.resolve("corpus");
        DateCorpus.writeSplits(DateCorpus.splits(200, 20, 20, 3), corpus);
        config = DateCorpus.config(corpus, dir.resolve("data"), 8, 8, 12, 8);
        config.data.bpeMerges = 30;
        config.model.embDropout = 0.2;
        config.model.outDropout = 0.2;
        config.training.seed = 11;
        config.training.epochs = 2;
        config.training.batchSize = 16;
        config.training.validateEvery = 10;
        config.training.checkpointEvery = 5;
        config.training.keepLast = 2;
        new DataPreparer(config, false).prepare();
        data = PreparedData.load(Path.of(config.data.dir));
        Backend.start(1);
        spark = LocalSpark.start("local[2]", "jnmt-train-test");
        context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Seq2SeqModel newModel(Path runDir) {
        if (!Files.exists(runDir.resolve(ModelDirectory.MANIFEST))) {
            ModelDirectory.create(runDir, config, data);
        }
        return WorkerSetup.newModel(
                config,
                data.pipelines().source().vocabulary().size(),
                data.pipelines().target().vocabulary().size());
    }

    /** The driver's model after training on Spark into {@code runDir}. */
    private static Trained trainOnSpark(Path runDir, int workers, int every, long warmup, boolean resume) {
        Seq2SeqModel model = newModel(runDir);
        AdamOptimizer adam = AdamOptimizer.fromConfig(model.parameters(), config.training);
        try (SparkRounds rounds = new SparkRounds(context, config, data, model, adam, workers, every, warmup)) {
            Trainer.Outcome outcome = new Trainer(config, data, runDir, model, adam, rounds).run(resume);
            return new Trained(model, adam, outcome);
        }
    }

    private record Trained(Seq2SeqModel model, AdamOptimizer adam, Trainer.Outcome outcome) {}

    @Test
    void oneWorkerTrainsBitForBitAsOneProcess() throws IOException {
        config.training.maxSteps = 20; // into the second epoch (13 batches an epoch)
        try {
            Path single = dir.resolve("single");
            Seq2SeqModel expected = newModel(single);
            Trainer.Outcome one = new Trainer(config, data, single, expected).run(false);

            // 5 rounds of one update, then 3 of five: validations (every 10) fall on round ends.
            Path spark = dir.resolve("spark-one");
            Trained trained = trainOnSpark(spark, 1, 5, 5, false);

            assertEquals(StopReason.STEP_LIMIT, trained.outcome().reason());
            assertEquals(one.step(), trained.outcome().step());
            assertEquals(one.epoch(), trained.outcome().epoch());
            assertEquals(one.bestDevBleu(), trained.outcome().bestDevBleu());
            assertSameWeights(expected, trained.model());
            TrainingState state =
                    TrainingCheckpoint.readState(CheckpointFiles.latest(spark).orElseThrow());
            assertEquals(new DataParallelState(8, List.of(new DataParallelState.Position(2, 7))), state.dataParallel());

            // The run directory is a model as nmt train writes it: the same best.ckpt (step 10), and
            // the last checkpoint holds the last weights.
            assertSameWeights(
                    ModelDirectory.open(single).loadModel(data.pipelines()),
                    ModelDirectory.open(spark).loadModel(data.pipelines()));
            Seq2SeqModel last = newModel(spark);
            Checkpoint.loadWeights(CheckpointFiles.latest(spark).orElseThrow(), last.parameters());
            assertSameWeights(trained.model(), last);
            Path sources = dir.resolve("sources.txt");
            Files.write(sources, data.devSources().subList(0, 5));
            Path out = dir.resolve("translated.txt");
            assertEquals(0, nmt("translate", "-m", spark.toString(), "-i", sources.toString(), "-o", out.toString()));
            assertEquals(5, Files.readAllLines(out).size());
            assertEquals(0, nmt("info", "-m", spark.toString()));
        } finally {
            config.training.maxSteps = 0;
        }
    }

    @Test
    void aDriverStoppedBetweenRoundsResumesExactly() {
        try {
            // Rounds of 1, 1, 1, 1 (warm-up), then of 3 updates, on 2 workers.
            config.training.maxSteps = 16;
            Trained straight = trainOnSpark(dir.resolve("straight"), 2, 3, 4, false);
            assertEquals(16, straight.outcome().step());

            Path broken = dir.resolve("broken");
            config.training.maxSteps = 10; // after the sixth round
            Trained first = trainOnSpark(broken, 2, 3, 4, false);
            assertEquals(StopReason.STEP_LIMIT, first.outcome().reason());
            TrainingState saved =
                    TrainingCheckpoint.readState(CheckpointFiles.latest(broken).orElseThrow());
            assertEquals(10, saved.step());
            assertEquals(6, saved.dataParallel().round());
            assertEquals(2, saved.dataParallel().workers().size());

            NmtException otherWorkers = assertThrows(NmtException.class, () -> trainOnSpark(broken, 3, 3, 4, true));
            assertTrue(otherWorkers.getMessage().contains("--workers 2"), otherWorkers.getMessage());

            config.training.maxSteps = 16;
            Trained resumed = trainOnSpark(broken, 2, 3, 4, true);
            assertEquals(16, resumed.outcome().step());
            assertSameWeights(straight.model(), resumed.model());
            assertArrayEquals(
                    TrainingStateVector.of(straight.model().parameters(), straight.adam()),
                    TrainingStateVector.of(resumed.model().parameters(), resumed.adam()),
                    "Adam's moments differ after resuming");
        } finally {
            config.training.maxSteps = 0;
        }
    }

    private static void assertSameWeights(Seq2SeqModel expected, Seq2SeqModel actual) {
        for (String name : expected.parameters().names()) {
            assertArrayEquals(
                    expected.parameters().get(name).value().dup().data().asFloat(),
                    actual.parameters().get(name).value().dup().data().asFloat(),
                    "parameter " + name);
        }
        assertFalse(expected.parameters().names().isEmpty());
    }

    private static int nmt(String... args) {
        CommandLine cli = NmtCommand.newCommandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
