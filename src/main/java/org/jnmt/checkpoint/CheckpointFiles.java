package org.jnmt.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

/**
 * Where the checkpoints of a run directory lie:
 * <pre>
 *   RUN/checkpoints/step-000500.ckpt   training checkpoints (weights, Adam, state)
 *   RUN/best.ckpt                      the weights with the best dev score so far
 * </pre>
 * The latest checkpoint is the step file with the highest step, so no pointer file can disagree
 * with what is on disk.
 */
public final class CheckpointFiles {

    public static final String CHECKPOINT_DIR = "checkpoints";
    public static final String BEST_FILE = "best.ckpt";
    private static final Pattern STEP_FILE = Pattern.compile("step-(\\d+)\\.ckpt");

    private CheckpointFiles() {}

    /** The path of the checkpoint of {@code step}: checkpoints/step-000123.ckpt. */
    public static Path stepFile(Path runDir, long step) {
        return runDir.resolve(CHECKPOINT_DIR).resolve(String.format(Locale.ROOT, "step-%06d.ckpt", step));
    }

    /** The step checkpoints of a run directory, oldest (lowest step) first; empty when it has none. */
    public static List<Path> list(Path runDir) {
        Path dir = runDir.resolve(CHECKPOINT_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(
                            f -> STEP_FILE.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .sorted(Comparator.comparingLong(CheckpointFiles::stepOf))
                    .toList();
        } catch (IOException e) {
            throw new NmtException(dir + ": cannot list checkpoints (" + IoErrors.describe(e) + ")");
        }
    }

    /** The step checkpoint with the highest step. */
    public static Optional<Path> latest(Path runDir) {
        List<Path> all = list(runDir);
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

    /** A temporary file left by a checkpoint write that was interrupted. */
    public static boolean isInterruptedWrite(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".step-") && name.endsWith(AtomicFileWriter.TEMP_SUFFIX);
    }
}
