package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.checkpoint.Checkpoint.Metadata;
import org.jnmt.model.ParameterSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checkpoints written by an earlier jnmt (format version 1, the files under this package's test
 * resources) still load, and writing what they hold again gives the same bytes: the format on disk
 * has not moved.
 */
class CheckpointCompatibilityTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void trainingCheckpointLoadsAndIsWrittenAgainByteForByte() throws IOException {
        Path old = resource("v1-training.ckpt");
        ParameterSet params = TrainingFixtures.tinyModel();
        AdamOptimizer adam = new AdamOptimizer(params, 1e-3, 0.9, 0.999, 1e-8);
        TrainingState state = TrainingCheckpoint.loadTraining(old, params, adam);

        assertEquals(300, state.step());
        assertEquals(Double.NEGATIVE_INFINITY, state.bestDevScore());
        assertEquals(2, adam.steps());
        Path again = dir.resolve("again.ckpt");
        TrainingCheckpoint.saveTraining(again, params, adam, state);
        assertArrayEquals(Files.readAllBytes(old), Files.readAllBytes(again));
    }

    @Test
    void bestCheckpointKeepsItsStateAndBytes() throws IOException {
        Path old = resource("v1-best.ckpt");
        ParameterSet params = TrainingFixtures.tinyModel();
        Checkpoint.loadWeights(old, params);
        TrainingState state = TrainingCheckpoint.readState(old);

        assertEquals(TrainingFixtures.state(200), state);
        Path again = dir.resolve("again.ckpt");
        TrainingCheckpoint.saveWeights(again, params, state);
        assertArrayEquals(Files.readAllBytes(old), Files.readAllBytes(again));
    }

    @Test
    void averagedCheckpointKeepsItsStepsAndBytes() throws IOException {
        Path old = resource("v1-averaged.ckpt");
        Checkpoint.Contents contents = Checkpoint.read(old, true);
        Metadata metadata = contents.metadata();

        assertEquals(List.of(100L, 200L), metadata.averagedSteps());
        assertNull(TrainingCheckpoint.readState(old));
        Map<String, INDArray> weights = contents.weights();
        assertEquals(List.of("encoder.embedding", "decoder.bias", "scale"), List.copyOf(weights.keySet()));
        Path again = dir.resolve("again.ckpt");
        Checkpoint.write(again, metadata, weights, contents.others());
        assertArrayEquals(Files.readAllBytes(old), Files.readAllBytes(again));
    }
}
