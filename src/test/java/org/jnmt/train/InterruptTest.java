package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.quickstart.DateCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C's SIGINT also does) stops a training run in order: it validates and
 * checkpoints its last state before the process exits, so nothing trained is lost. The run is a
 * JVM of its own, as a user's would be. Budget: about 20 seconds.
 */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aSignalledRunValidatesAndSavesItsLastStep() throws Exception {
        Path config = writeConfig();
        Path run = dir.resolve("run");
        Process process = TrainingProcess.start(config, run, dir.resolve("train.log"));
        // Signal once the run has passed its first checkpoint (every 7 steps) and trained a little more.
        while (process.isAlive() && CheckpointFiles.list(run).isEmpty()) {
            Thread.sleep(5);
        }
        Thread.sleep(300);
        assertTrue(process.isAlive(), "the run ended before the signal: " + Files.readString(dir.resolve("train.log")));
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run did not stop");

        // Scheduled validations come every 1,000 steps: a validation at all is the stop's, and it
        // must be at the step of the last checkpoint, which must be past the first scheduled one.
        long lastCheckpoint = lastCheckpointStep(run);
        assertTrue(lastCheckpoint >= 7, "last checkpoint at step " + lastCheckpoint);
        assertEquals(lastCheckpoint, lastValidationStep(run), "the last checkpoint's step was not validated");
        assertTrue(
                Files.readString(dir.resolve("train.log")).contains("stopping: validating and saving the last state"));
    }

    private Path writeConfig() throws IOException {
        Path corpus = dir.resolve("corpus");
        DateCorpus.writeSplits(DateCorpus.splits(300, 20, 20, 13), corpus);
        NmtConfig config = DateCorpus.config(corpus, dir.resolve("data"), 32, 32, 48, 32);
        config.training.epochs = 1000;
        config.training.batchSize = 10;
        config.training.checkpointEvery = 7;
        config.training.keepLast = 0;
        new DataPreparer(config, false).prepare();
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, ConfigLoader.toYaml(config));
        return file;
    }

    private static long lastValidationStep(Path run) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long last = 0;
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode record = json.readTree(line);
            if (record.get("type").asText().equals("valid")) {
                last = record.get("step").asLong();
            }
        }
        return last;
    }

    private static long lastCheckpointStep(Path run) {
        return CheckpointFiles.latest(run).map(CheckpointFiles::stepOf).orElse(0L);
    }
}
