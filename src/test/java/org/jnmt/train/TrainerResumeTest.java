package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jnmt.api.ModelDirectory;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.ParameterSet;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.quickstart.DateCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A run stopped in the middle of an epoch and resumed ends with exactly the weights of a run that
 * was never interrupted (same seed; dropout on, so the dropout masks must be reproduced too).
 * Budget: about 20 seconds (three short runs of a tiny model).
 */
class TrainerResumeTest {

    @TempDir
    static Path dir;

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
        config.training.checkpointEvery = 4;
        config.training.keepLast = 2;
        new DataPreparer(config, false).prepare();
        data = PreparedData.load(Path.of(config.data.dir));
        Backend.start(2);
    }

    private static Seq2SeqModel newModel(Path runDir, NmtConfig cfg) {
        ModelDirectory directory = Files.exists(runDir.resolve(ModelDirectory.MANIFEST))
                ? ModelDirectory.open(runDir)
                : ModelDirectory.create(runDir, cfg, data);
        Seq2SeqModel model = new Seq2SeqModel(directory.dimensions(data.pipelines()), cfg.model, DataType.FLOAT);
        model.initialize(cfg.training.seed);
        return model;
    }

    @Test
    void interruptedAndResumedEqualsUninterrupted() {
        assertResumesExactly("plain");
    }

    @Test
    void withGradientAccumulationToo() {
        config.training.accumSteps = 2;
        try {
            long steps = assertResumesExactly("accumulated");
            // 2 epochs of 13 batches, two batches an update, the last of each epoch alone.
            assertEquals(14, steps);
        } finally {
            config.training.accumSteps = 1;
        }
    }

    /** Returns the steps of the uninterrupted run. */
    private long assertResumesExactly(String run) {
        Path straight = dir.resolve(run + "-straight");
        Seq2SeqModel uninterrupted = newModel(straight, config);
        Trainer.Outcome full = new Trainer(config, data, straight, uninterrupted).run(false);
        assertEquals(StopReason.FINISHED, full.reason());

        Path broken = dir.resolve(run + "-broken");
        config.training.maxSteps = 5; // stop in the middle of the first epoch
        Trainer.Outcome first = new Trainer(config, data, broken, newModel(broken, config)).run(false);
        assertEquals(StopReason.STEP_LIMIT, first.reason());
        assertEquals(5, first.step());
        config.training.maxSteps = 0;
        Seq2SeqModel resumed = newModel(broken, config);
        Trainer.Outcome second = new Trainer(config, data, broken, resumed).run(true);
        assertEquals(StopReason.FINISHED, second.reason());
        assertEquals(full.step(), second.step());
        // The stopped run also validated the step it stopped at: its best is at least the other's.
        assertTrue(second.bestDevBleu() >= full.bestDevBleu());

        ParameterSet a = uninterrupted.parameters();
        ParameterSet b = resumed.parameters();
        for (String name : a.names()) {
            assertArrayEquals(
                    a.get(name).value().data().asFloat(),
                    b.get(name).value().data().asFloat(),
                    "parameter " + name + " differs after resuming");
        }
        assertTrue(Files.exists(broken.resolve(CheckpointFiles.BEST_FILE)));

        Trainer.Outcome again = new Trainer(config, data, broken, newModel(broken, config)).run(true);
        assertEquals(StopReason.ALREADY_FINISHED, again.reason());
        return full.step();
    }
}
