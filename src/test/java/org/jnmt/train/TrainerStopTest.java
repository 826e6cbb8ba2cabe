package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jnmt.api.ModelDirectory;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.quickstart.DateCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * When validation and checkpoints happen: on schedule, and at the last step of every run whatever
 * stopped it, never at an epoch end for its own sake. 200 pairs in batches of 16 make 13 batches an
 * epoch. Budget: about 15 seconds (tiny model).
 */
class TrainerStopTest {

    private static final int BATCHES_PER_EPOCH = 13;

    @TempDir
    static Path dir;

    private static PreparedData data;
    private static NmtConfig prepared;

    private NmtConfig config;

    @BeforeAll
    static void prepare() {
        Path corpus = dir.resolve("corpus");
        DateCorpus.writeSplits(DateCorpus.splits(200, 20, 20, 5), corpus);
        prepared = DateCorpus.config(corpus, dir.resolve("data"), 8, 8, 12, 8);
        prepared.data.bpeMerges = 30;
        new DataPreparer(prepared, false).prepare();
        data = PreparedData.load(Path.of(prepared.data.dir));
        Backend.start(2);
    }

    @BeforeEach
    void freshConfig() {
        config = DateCorpus.config(dir.resolve("corpus"), dir.resolve("data"), 8, 8, 12, 8);
        config.data.bpeMerges = 30;
        config.training.seed = 7;
        config.training.batchSize = 16;
        config.training.keepLast = 0; // keep every checkpoint, to see when each was written
        config.training.validateMinutes = 0;
    }

    private Trainer.Outcome train(String name) {
        Path run = dir.resolve(name);
        ModelDirectory directory = ModelDirectory.create(run, config, data);
        Seq2SeqModel model = new Seq2SeqModel(directory.dimensions(data.pipelines()), config.model, DataType.FLOAT);
        model.initialize(config.training.seed);
        return new Trainer(config, data, run, model).run(false);
    }

    @Test
    void aStepLimitBetweenValidationsValidatesAndSavesTheLastStep() throws IOException {
        config.training.epochs = 5;
        config.training.validateEvery = 10;
        config.training.checkpointEvery = 0;
        config.training.maxSteps = 25;
        Trainer.Outcome outcome = train("step-limit");
        assertEquals(StopReason.STEP_LIMIT, outcome.reason());
        assertEquals(List.of(10L, 20L, 25L), validationSteps("step-limit"));
        // No checkpoint at the end of epoch 1 (step 13): only at validations and at the stop.
        assertEquals(List.of(10L, 20L, 25L), checkpointSteps("step-limit"));
    }

    @Test
    void checkpointsFollowCheckpointEveryNotEpochEnds() throws IOException {
        config.training.epochs = 3;
        config.training.validateEvery = 100;
        config.training.checkpointEvery = 6;
        Trainer.Outcome outcome = train("checkpoint-every");
        assertEquals(StopReason.FINISHED, outcome.reason());
        assertEquals(3 * BATCHES_PER_EPOCH, outcome.step());
        assertEquals(List.of(39L), validationSteps("checkpoint-every"));
        assertEquals(List.of(6L, 12L, 18L, 24L, 30L, 36L, 39L), checkpointSteps("checkpoint-every"));
    }

    @Test
    void onceAnEpochValidatesEachEpochEndAndNothingMore() throws IOException {
        config.training.epochs = 2;
        config.training.validateEvery = 0;
        config.training.checkpointEvery = 0;
        train("per-epoch");
        assertEquals(List.of(13L, 26L), validationSteps("per-epoch"));
        assertEquals(List.of(13L, 26L), checkpointSteps("per-epoch"));
        // The epoch-end checkpoint is written after the epoch ended: resumed there, a run starts the
        // next epoch rather than validating the finished one a second time.
        TrainingState atEpochEnd = TrainingCheckpoint.readState(CheckpointFiles.stepFile(dir.resolve("per-epoch"), 13));
        assertEquals(2, atEpochEnd.epoch());
        assertEquals(0, atEpochEnd.batchesInEpoch());
    }

    private static List<Long> validationSteps(String run) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Long> steps = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(run).resolve("metrics.jsonl"))) {
            JsonNode record = json.readTree(line);
            if (record.get("type").asText().equals("valid")) {
                steps.add(record.get("step").asLong());
            }
        }
        return steps;
    }

    private static List<Long> checkpointSteps(String run) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(run).resolve("checkpoints"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("step-\\d+\\.ckpt"))
                    .map(name -> Long.parseLong(name.substring(5, name.length() - 5)))
                    .sorted()
                    .toList();
        }
    }
}
