package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.ModelDimensions;
import org.jnmt.model.ParameterSet;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.quickstart.DateCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The crash test: a training run (its own JVM, started as {@code nmt train --resume}) is killed
 * with SIGKILL at random moments after some progress and, at least once, while it is writing a
 * checkpoint; every time it is resumed. It must end with exactly the weights of a run that was never interrupted, and no kill
 * may leave a checkpoint that cannot be loaded. Budget: about 90 seconds (a dozen JVM starts).
 */
class CrashResumeTest {

    private static final int RANDOM_KILLS = 4;
    private static final int MAX_WRITE_KILL_ATTEMPTS = 12;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killedAndResumedRunsEndWithTheUninterruptedWeights() throws Exception {
        Path config = writeConfig();
        Path straight = dir.resolve("straight");
        assertEquals(0, train(config, straight).waitFor(), "the uninterrupted run failed");

        Path crashed = dir.resolve("crashed");
        Random random = new Random(2024);
        int kills = 0;
        int killsDuringWrite = 0;
        boolean finished = false;
        for (int attempt = 0; !finished && attempt < RANDOM_KILLS + MAX_WRITE_KILL_ATTEMPTS; attempt++) {
            long reached = latestStep(crashed);
            Process process = train(config, crashed);
            boolean targetWrite = attempt >= RANDOM_KILLS;
            if (targetWrite
                    ? waitForTemporaryFile(crashed, process)
                    : waitForStep(crashed, process, reached + 1 + random.nextInt(3), random.nextInt(40))) {
                process.destroyForcibly().waitFor(); // SIGKILL
                kills++;
                if (!temporaryFiles(crashed).isEmpty()) {
                    killsDuringWrite++;
                }
                assertEveryCheckpointLoads(crashed);
                if (targetWrite && killsDuringWrite > 0) {
                    break;
                }
            } else {
                finished = process.waitFor() == 0;
            }
        }
        assertTrue(kills >= RANDOM_KILLS + 1, "only " + kills + " kills");
        assertTrue(killsDuringWrite >= 1, "no kill landed during a checkpoint write");
        assertEquals(0, train(config, crashed).waitFor(), "the last resumed run failed");

        assertSameWeights(latestCheckpoint(straight), latestCheckpoint(crashed));
    }

    private Path writeConfig() throws IOException {
        Path corpus = dir.resolve("corpus");
        DateCorpus.writeSplits(DateCorpus.splits(300, 20, 20, 9), corpus);
        NmtConfig config = DateCorpus.config(corpus, dir.resolve("data"), 48, 48, 64, 32);
        config.training.seed = 5;
        config.training.epochs = 6;
        config.training.batchSize = 10;
        config.training.checkpointEvery = 1; // a checkpoint after every update: writes are frequent
        config.training.keepLast = 2;
        new DataPreparer(config, false).prepare();
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, ConfigLoader.toYaml(config));
        return file;
    }

    /** {@code nmt train --config C --out RUN --resume} in a JVM of its own. */
    private Process train(Path config, Path run) throws IOException {
        return TrainingProcess.start(config, run, dir.resolve("train-" + run.getFileName() + ".log"), "--resume");
    }

    /**
     * Waits until the run has checkpointed {@code step}, then a further {@code extraMillis}: a kill at
     * a random moment that still follows some progress, whatever the speed of the machine. False if
     * the run ended first.
     */
    private static boolean waitForStep(Path run, Process process, long step, int extraMillis)
            throws InterruptedException {
        while (process.isAlive() && latestStep(run) < step) {
            Thread.sleep(2);
        }
        Thread.sleep(extraMillis);
        return process.isAlive();
    }

    private static long latestStep(Path run) {
        return new CheckpointStore(run, 0).latest().map(CheckpointFiles::stepOf).orElse(0L);
    }

    /** Waits until a checkpoint is being written; false if the run ended first. */
    private static boolean waitForTemporaryFile(Path run, Process process) throws IOException {
        while (process.isAlive()) {
            if (!temporaryFiles(run).isEmpty()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private static List<Path> temporaryFiles(Path run) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path folder : List.of(run, run.resolve(CheckpointFiles.CHECKPOINT_DIR))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .forEach(found::add);
                }
            }
        }
        return found;
    }

    private static void assertEveryCheckpointLoads(Path run) {
        for (Path checkpoint : CheckpointFiles.list(run)) {
            TrainingCheckpoint.readState(checkpoint); // throws NmtException if damaged
        }
        Path best = run.resolve(CheckpointFiles.BEST_FILE);
        if (Files.exists(best)) {
            TrainingCheckpoint.readState(best);
        }
    }

    private static Path latestCheckpoint(Path run) {
        return new CheckpointStore(run, 0).latest().orElseThrow();
    }

    private void assertSameWeights(Path expected, Path actual) {
        assertEquals(expected.getFileName(), actual.getFileName(), "the runs ended at different steps");
        Backend.start(1);
        PreparedData data = PreparedData.load(dir.resolve("data"));
        NmtConfig config = ConfigLoader.load(dir.resolve("config.yaml"), List.of());
        ModelDimensions dims = ModelDimensions.of(
                config.model,
                data.sourceVocabulary().size(),
                data.targetVocabulary().size());
        ParameterSet a = new Seq2SeqModel(dims, config.model, DataType.FLOAT).parameters();
        ParameterSet b = new Seq2SeqModel(dims, config.model, DataType.FLOAT).parameters();
        Checkpoint.loadWeights(expected, a);
        Checkpoint.loadWeights(actual, b);
        for (String name : a.names()) {
            assertArrayEquals(
                    a.get(name).value().data().asFloat(),
                    b.get(name).value().data().asFloat(),
                    "parameter " + name + " differs after the crashes");
        }
    }
}
