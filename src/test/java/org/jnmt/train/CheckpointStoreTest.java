package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jnmt.checkpoint.AtomicFileWriter;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.model.ParameterSet;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path run;

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    private static List<String> directory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheLastNAndResumesFromTheHighestStep() throws IOException {
        ParameterSet params = TrainingFixtures.tinyModel();
        AdamOptimizer adam = TrainingFixtures.trainedTinyModel(params, 5);
        CheckpointStore store = new CheckpointStore(run, 2);
        assertEquals(Optional.empty(), store.latest());
        for (long step : new long[] {999_999, 500, 1_000_000, 1_500_000}) {
            store.save(params, adam, TrainingFixtures.state(step));
        }
        Files.writeString(store.checkpointDir().resolve(".step-002000.ckpt.123.tmp"), "interrupted write");
        store.prune();
        assertEquals(List.of("step-1000000.ckpt", "step-1500000.ckpt"), names(store.list()));
        assertEquals(List.of("step-1000000.ckpt", "step-1500000.ckpt"), directory(store.checkpointDir()));
        assertEquals(store.stepFile(1_500_000), store.latest().orElseThrow());
        assertEquals(1_500_000, CheckpointFiles.stepOf(store.latest().orElseThrow()));
        assertEquals("step-000042.ckpt", store.stepFile(42).getFileName().toString());

        store.saveBest(params, TrainingFixtures.state(1_000_000));
        ParameterSet resumed = TrainingFixtures.tinyModel();
        AdamOptimizer resumedAdam = new AdamOptimizer(resumed, 1e-3, 0.9, 0.999, 1e-8);
        TrainingState state = store.resumeLatest(resumed, resumedAdam).orElseThrow();
        assertEquals(TrainingFixtures.state(1_500_000), state);
        assertArrayEquals(
                TrainingFixtures.values(params).get(1),
                TrainingFixtures.values(resumed).get(1));
        assertTrue(Files.isRegularFile(run.resolve("best.ckpt")));
    }

    /** Root ignores permissions, so the failure is made with a path that no user can create. */
    @Test
    void checkpointDirectoryThatCannotBeCreatedGivesAClearError() throws IOException {
        ParameterSet params = TrainingFixtures.tinyModel();
        AdamOptimizer adam = TrainingFixtures.trainedTinyModel(params, 6);
        Files.writeString(run.resolve("checkpoints"), "a regular file where the directory should be");
        CheckpointStore store = new CheckpointStore(run, 5);
        NmtException e = assertThrows(NmtException.class, () -> store.save(params, adam, TrainingFixtures.state(100)));
        assertEquals(
                run.resolve("checkpoints") + ": cannot create the checkpoint directory"
                        + " (a file of that name is in the way)",
                e.getMessage());

        CheckpointStore nested = new CheckpointStore(run.resolve("checkpoints").resolve("run2"), 5);
        e = assertThrows(NmtException.class, () -> nested.saveBest(params, TrainingFixtures.state(100)));
        assertTrue(e.getMessage().endsWith("cannot create the checkpoint directory (Not a directory)"), e.getMessage());
    }

    /** A rename over a non-empty directory fails for root too, after the whole temporary file is written. */
    @Test
    void failedFinalRenameRemovesTheTemporaryFile() throws IOException {
        ParameterSet params = TrainingFixtures.tinyModel();
        TrainingFixtures.trainedTinyModel(params, 7);
        Files.createDirectories(run.resolve("best.ckpt").resolve("in-the-way"));
        CheckpointStore store = new CheckpointStore(run, 5);
        NmtException e = assertThrows(NmtException.class, () -> store.saveBest(params, TrainingFixtures.state(100)));
        assertTrue(e.getMessage().startsWith(run.resolve("best.ckpt") + ": cannot write checkpoint ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); any previous best.ckpt is unchanged"), e.getMessage());
        assertEquals(List.of("best.ckpt"), directory(run));
    }

    /**
     * A disk that fills up in the middle of a write (simulated: the content writer throws the
     * IOException that write(2) gives on ENOSPC) leaves the previous file byte for byte as it was.
     */
    @Test
    void failureDuringWriteKeepsThePreviousFile() throws IOException {
        ParameterSet params = TrainingFixtures.tinyModel();
        AdamOptimizer adam = TrainingFixtures.trainedTinyModel(params, 8);
        CheckpointStore store = new CheckpointStore(run, 5);
        Path file = store.save(params, adam, TrainingFixtures.state(100));
        byte[] before = Files.readAllBytes(file);

        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFileWriter.write(file, out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("No space left on device");
                }));
        assertEquals("No space left on device", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("step-000100.ckpt"), directory(store.checkpointDir()));
        ParameterSet reloaded = TrainingFixtures.tinyModel();
        Checkpoint.loadWeights(file, reloaded);
        assertArrayEquals(
                TrainingFixtures.values(params).get(0),
                TrainingFixtures.values(reloaded).get(0));
    }

    @Test
    void replacingAFileLeavesOnlyTheNewContent() throws IOException {
        Path file = run.resolve("pointer");
        AtomicFileWriter.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        AtomicFileWriter.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("pointer"), directory(run));
    }
}
