package org.jnmt.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.model.ParameterSet;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

/**
 * The checkpoints a training run writes into its directory (laid out as {@link CheckpointFiles}
 * says): the last keepLast step checkpoints and best.ckpt.
 */
public final class CheckpointStore {

    private final Path runDir;
    private final int keepLast;

    /** @param keepLast how many step checkpoints to keep (training.keep_last); below 1 keeps all */
    public CheckpointStore(Path runDir, int keepLast) {
        this.runDir = runDir;
        this.keepLast = keepLast;
    }

    public Path checkpointDir() {
        return runDir.resolve(CheckpointFiles.CHECKPOINT_DIR);
    }

    public Path bestFile() {
        return runDir.resolve(CheckpointFiles.BEST_FILE);
    }

    /** The path of the checkpoint of {@code step}: checkpoints/step-000123.ckpt. */
    public Path stepFile(long step) {
        return CheckpointFiles.stepFile(runDir, step);
    }

    /**
     * Writes the training checkpoint of {@code state.step()} (replacing one of the same step), then
     * deletes the oldest beyond keepLast; returns its path.
     */
    public Path save(ParameterSet params, AdamOptimizer adam, TrainingState state) {
        Path file = stepFile(state.step());
        createDirectory(checkpointDir());
        TrainingCheckpoint.saveTraining(file, params, adam, state);
        prune();
        return file;
    }

    /** Writes the weights to best.ckpt, with the state they were saved at. */
    public Path saveBest(ParameterSet params, TrainingState state) {
        createDirectory(runDir);
        TrainingCheckpoint.saveWeights(bestFile(), params, state);
        return bestFile();
    }

    /** Loads the latest step checkpoint into the model and optimiser; empty when there is none. */
    public Optional<TrainingState> resumeLatest(ParameterSet params, AdamOptimizer adam) {
        return latest().map(file -> TrainingCheckpoint.loadTraining(file, params, adam));
    }

    /** The step checkpoints, oldest (lowest step) first. */
    public List<Path> list() {
        return CheckpointFiles.list(runDir);
    }

    public Optional<Path> latest() {
        return CheckpointFiles.latest(runDir);
    }

    /**
     * Deletes all but the newest keepLast step checkpoints, and temporary files left by writes that
     * were interrupted; returns the deleted checkpoints.
     */
    public List<Path> prune() {
        List<Path> all = list();
        List<Path> deleted = new ArrayList<>();
        try {
            if (keepLast >= 1) {
                for (Path old : all.subList(0, Math.max(0, all.size() - keepLast))) {
                    Files.deleteIfExists(old);
                    deleted.add(old);
                }
            }
            try (Stream<Path> files = Files.list(checkpointDir())) {
                for (Path leftover :
                        files.filter(CheckpointFiles::isInterruptedWrite).toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new NmtException(checkpointDir() + ": cannot delete old checkpoints (" + IoErrors.describe(e) + ")");
        }
        return deleted;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NmtException(dir + ": cannot create the checkpoint directory (" + IoErrors.describe(e) + ")");
        }
    }
}
