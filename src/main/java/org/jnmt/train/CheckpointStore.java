package org.jnmt.train;

import org.jnmt.model.ParameterSet;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of a run directory:
 * <pre>
 *   RUN/checkpoints/step-000500.ckpt   training checkpoints (weights, Adam, state); the last keepLast are kept
 *   RUN/best.ckpt                      the weights with the best dev score so far
 * </pre>
 * The latest checkpoint is the step file with the highest step, so no pointer file can disagree
 * with what is on disk.
 */
public final class CheckpointStore {

    public static final String CHECKPOINT_DIR = "checkpoints";
    public static final String BEST_FILE = "best.ckpt";
    private static final Pattern STEP_FILE = Pattern.compile("step-(\\d+)\\.ckpt");

    private final Path runDir;
    private final int keepLast;

    /** @param keepLast how many step checkpoints to keep (training.keep_last); below 1 keeps all */
    public CheckpointStore(Path runDir, int keepLast) {
        this.runDir = runDir;
        this.keepLast = keepLast;
    }

    public Path checkpointDir() {
        return runDir.resolve(CHECKPOINT_DIR);
    }

    public Path bestFile() {
        return runDir.resolve(BEST_FILE);
    }

    /** The path of the checkpoint of {@code step}: checkpoints/step-000123.ckpt. */
    public Path stepFile(long step) {
        return checkpointDir().resolve(String.format(Locale.ROOT, "step-%06d.ckpt", step));
    }

    /**
     * Writes the training checkpoint of {@code state.step()} (replacing one of the same step), then
     * deletes the oldest beyond keepLast; returns its path.
     */
    public Path save(ParameterSet params, AdamOptimizer adam, TrainingState state) {
        Path file = stepFile(state.step());
        createDirectory(checkpointDir());
        Checkpoint.saveTraining(file, params, adam, state);
        prune();
        return file;
    }

    /** Writes the weights to best.ckpt, with the state they were saved at. */
    public Path saveBest(ParameterSet params, TrainingState state) {
        createDirectory(runDir);
        Checkpoint.saveWeights(bestFile(), params, state);
        return bestFile();
    }

    /** Loads the latest step checkpoint into the model and optimiser; empty when there is none. */
    public Optional<TrainingState> resumeLatest(ParameterSet params, AdamOptimizer adam) {
        return latest().map(file -> Checkpoint.loadTraining(file, params, adam));
    }

    /** The step checkpoints, oldest (lowest step) first. */
    public List<Path> list() {
        return listDirectory(checkpointDir());
    }

    /** The step checkpoints of any run directory, oldest first (empty when it has none). */
    public static List<Path> list(Path runDir) {
        return listDirectory(runDir.resolve(CHECKPOINT_DIR));
    }

    public Optional<Path> latest() {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The step in a checkpoint's file name (step-000123.ckpt: 123). */
    public static long stepOf(Path file) {
        Matcher m = STEP_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a step checkpoint: " + file);
        }
        return Long.parseLong(m.group(1));
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
                for (Path leftover : files.filter(CheckpointStore::isInterruptedWrite).toList()) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new NmtException(checkpointDir() + ": cannot delete old checkpoints (" + IoErrors.describe(e) + ")");
        }
        return deleted;
    }

    private static boolean isInterruptedWrite(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".step-") && name.endsWith(AtomicFileWriter.TEMP_SUFFIX);
    }

    private static List<Path> listDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> STEP_FILE.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .sorted(Comparator.comparingLong(CheckpointStore::stepOf))
                    .toList();
        } catch (IOException e) {
            throw new NmtException(dir + ": cannot list checkpoints (" + IoErrors.describe(e) + ")");
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NmtException(dir + ": cannot create the checkpoint directory (" + IoErrors.describe(e) + ")");
        }
    }
}
