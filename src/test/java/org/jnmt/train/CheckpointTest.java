package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.model.ParameterSet;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointTest {

    @TempDir
    Path dir;

    private Path savedCheckpoint() {
        ParameterSet params = TrainingFixtures.tinyModel();
        AdamOptimizer adam = TrainingFixtures.trainedTinyModel(params, 1);
        Path file = dir.resolve("step-000200.ckpt");
        TrainingCheckpoint.saveTraining(file, params, adam, TrainingFixtures.state(200));
        return file;
    }

    @Test
    void roundTripRestoresWeightsOptimiserAndStateBitForBit() {
        ParameterSet params = TrainingFixtures.tinyModel();
        AdamOptimizer adam = TrainingFixtures.trainedTinyModel(params, 1);
        TrainingState state = new TrainingState(
                200,
                3,
                17,
                42,
                123.5,
                new LearningRateScheduler.State(5e-4, Double.NEGATIVE_INFINITY, 0),
                new EarlyStopping.State(Double.NEGATIVE_INFINITY, 0, 0, null));
        Path file = dir.resolve("a.ckpt");
        TrainingCheckpoint.saveTraining(file, params, adam, state);

        ParameterSet restored = TrainingFixtures.tinyModel();
        AdamOptimizer restoredAdam = new AdamOptimizer(restored, 1e-3, 0.9, 0.999, 1e-8);
        TrainingState restoredState = TrainingCheckpoint.loadTraining(file, restored, restoredAdam);

        assertEquals(state, restoredState);
        assertEquals(Double.NEGATIVE_INFINITY, restoredState.bestDevScore());
        assertEquals(2, restoredAdam.steps());
        List<float[]> expected = TrainingFixtures.values(params);
        List<float[]> actual = TrainingFixtures.values(restored);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
        Map<String, INDArray> moments = adam.stateTensors();
        restoredAdam
                .stateTensors()
                .forEach((name, tensor) -> assertArrayEquals(
                        moments.get(name).data().asFloat(), tensor.data().asFloat(), name));
        assertEquals(
                List.of(4L, 3L),
                List.of(
                        restored.get("encoder.embedding").value().shape()[0],
                        restored.get("encoder.embedding").value().shape()[1]));
    }

    @Test
    void doubleWeightsKeepTheirPrecision() {
        ParameterSet params = new ParameterSet(DataType.DOUBLE);
        params.add("w", 2).value().assign(Nd4j.createFromArray(Math.PI, -Double.MIN_VALUE));
        Path file = dir.resolve("d.ckpt");
        TrainingCheckpoint.saveWeights(file, params, null);
        ParameterSet restored = new ParameterSet(DataType.DOUBLE);
        restored.add("w", 2);
        Checkpoint.loadWeights(file, restored);
        assertArrayEquals(
                new double[] {Math.PI, -Double.MIN_VALUE},
                restored.get("w").value().toDoubleVector(),
                0.0);
    }

    @Test
    void truncatedFileIsReportedAsTruncated() throws IOException {
        Path file = savedCheckpoint();
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - 10);
        }
        NmtException e =
                assertThrows(NmtException.class, () -> Checkpoint.loadWeights(file, TrainingFixtures.tinyModel()));
        assertEquals(
                file + ": checkpoint is truncated (" + (size - 10) + " of " + size
                        + " bytes); it was cut short after it was written - use an earlier checkpoint",
                e.getMessage());
    }

    @Test
    void flippedByteIsAChecksumError() throws IOException {
        Path file = savedCheckpoint();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 0x01; // inside the last tensor's values
        Files.write(file, bytes);
        ParameterSet params = TrainingFixtures.tinyModel();
        NmtException e = assertThrows(NmtException.class, () -> Checkpoint.loadWeights(file, params));
        assertEquals(
                file + ": checkpoint is corrupt (checksum mismatch); it was damaged after it was written"
                        + " - use an earlier checkpoint",
                e.getMessage());
        assertEquals(0.0, params.get("scale").value().getDouble(0), "nothing is loaded from a corrupt file");
    }

    @Test
    void otherFormatVersionNamesTheSupportedOne() throws IOException {
        Path file = savedCheckpoint();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8);
            raf.writeInt(7);
        }
        NmtException e =
                assertThrows(NmtException.class, () -> Checkpoint.loadWeights(file, TrainingFixtures.tinyModel()));
        assertEquals(file + ": format version 7 is not supported; this jnmt reads version 1", e.getMessage());
    }

    @Test
    void otherFilesAreNotCheckpoints() throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "model:\n  hidden_size: 512\n");
        NmtException e =
                assertThrows(NmtException.class, () -> Checkpoint.loadWeights(file, TrainingFixtures.tinyModel()));
        assertEquals(file + ": not a jnmt checkpoint (it does not start with JNMTCKPT)", e.getMessage());
        Path missing = dir.resolve("missing.ckpt");
        e = assertThrows(NmtException.class, () -> Checkpoint.loadWeights(missing, TrainingFixtures.tinyModel()));
        assertEquals(missing + ": checkpoint not found", e.getMessage());
    }

    @Test
    void anotherModelShapeIsRejectedBeforeAnythingIsLoaded() {
        Path file = savedCheckpoint();
        ParameterSet other = new ParameterSet(DataType.FLOAT);
        other.add("encoder.embedding", 5, 3);
        other.add("decoder.bias", 3);
        other.add("scale");
        AdamOptimizer adam = new AdamOptimizer(other, 1e-3, 0.9, 0.999, 1e-8);
        NmtException e = assertThrows(NmtException.class, () -> TrainingCheckpoint.loadTraining(file, other, adam));
        assertEquals(
                file + ": parameter encoder.embedding has shape [4, 3] in the checkpoint but [5, 3] in the model"
                        + " (were the vocabularies or model sizes changed?)",
                e.getMessage());
        assertEquals(0.0, other.get("decoder.bias").value().sumNumber().doubleValue());
        assertEquals(0, adam.steps());

        ParameterSet fewer = new ParameterSet(DataType.FLOAT);
        fewer.add("encoder.embedding", 4, 3);
        fewer.add("decoder.bias", 3);
        e = assertThrows(NmtException.class, () -> Checkpoint.loadWeights(file, fewer));
        assertEquals(
                file + ": holds parameter scale that the model does not have"
                        + " (it was saved from a model with another configuration)",
                e.getMessage());
    }

    @Test
    void weightsOnlyFileCannotResumeTraining() {
        ParameterSet params = TrainingFixtures.tinyModel();
        TrainingFixtures.trainedTinyModel(params, 3);
        Path best = dir.resolve("best.ckpt");
        TrainingCheckpoint.saveWeights(best, params, TrainingFixtures.state(300));
        ParameterSet restored = TrainingFixtures.tinyModel();
        AdamOptimizer adam = new AdamOptimizer(restored, 1e-3, 0.9, 0.999, 1e-8);
        NmtException e = assertThrows(NmtException.class, () -> TrainingCheckpoint.loadTraining(best, restored, adam));
        assertTrue(e.getMessage().startsWith(best + ": holds model weights only"), e.getMessage());
        Checkpoint.loadWeights(best, restored);
        assertArrayEquals(
                TrainingFixtures.values(params).get(0),
                TrainingFixtures.values(restored).get(0));
    }
}
