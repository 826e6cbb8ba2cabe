package org.jnmt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.train.CheckpointAverager;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt average}: the mean of the weights of a run's last N step checkpoints. */
@Command(
        name = "average",
        mixinStandardHelpOptions = true,
        description = {
            "Average the weights of the last N step checkpoints of a training run.",
            "OUT ending in .ckpt is written as a weights file; any other OUT becomes a model directory: "
                    + "a copy of the files at the top of DIR (config, vocabularies, BPE codes; no .ckpt files) "
                    + "with the averaged weights as " + CheckpointFiles.BEST_FILE + "."
        })
public class AverageCommand implements Callable<Integer> {

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "DIR",
            description = "The run directory (with checkpoints/step-*.ckpt).")
    Path modelDir;

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "5",
            description = "Average this many most recent step checkpoints (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "OUT",
            description = "A weights file (*.ckpt) or a model directory to write.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (last < 1) {
            throw new UsageException("--last must be at least 1, got " + last);
        }
        boolean weightsFile = output.getFileName().toString().endsWith(".ckpt");
        if (!weightsFile && sameDirectory(output, modelDir)) {
            throw new UsageException(
                    "-o must differ from -m; the averaged model would replace the run's " + CheckpointFiles.BEST_FILE);
        }
        Path weights = weightsFile ? output : output.resolve(CheckpointFiles.BEST_FILE);
        List<Path> averaged = CheckpointAverager.lastCheckpoints(modelDir, last);
        Map<String, INDArray> averages = CheckpointAverager.average(averaged);
        if (!weightsFile) {
            copyModelFiles();
        }
        CheckpointAverager.write(weights, averages, averaged);
        Console.info("averaged " + averaged.size() + " checkpoints (steps "
                + averaged.stream()
                        .map(p -> Long.toString(CheckpointFiles.stepOf(p)))
                        .collect(Collectors.joining(", "))
                + ")");
        spec.commandLine().getOut().println(weights);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies the regular files at the top of the run directory, except checkpoints, into the output directory. */
    private void copyModelFiles() {
        try {
            Files.createDirectories(output);
            try (Stream<Path> files = Files.list(modelDir)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().endsWith(".ckpt"))
                        .toList()) {
                    Files.copy(file, output.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new NmtException(output + ": cannot create the model directory (" + e.getMessage() + ")");
        }
    }
}
