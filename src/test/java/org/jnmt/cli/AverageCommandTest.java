package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.model.ParameterSet;
import org.jnmt.train.AdamOptimizer;
import org.jnmt.train.CheckpointStore;
import org.jnmt.train.EarlyStopping;
import org.jnmt.train.LearningRateScheduler;
import org.jnmt.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine;

class AverageCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = NmtCommand.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static ParameterSet model(float value) {
        ParameterSet params = new ParameterSet(DataType.FLOAT);
        params.add("w", 3).value().assign(value);
        return params;
    }

    /** A run directory with a config, a vocabulary, best.ckpt and step checkpoints holding 1, 2 and 4. */
    private Path trainingRun() throws IOException {
        Path runDir = tmp.resolve("run");
        CheckpointStore store = new CheckpointStore(runDir, 0);
        long step = 100;
        for (float value : new float[] {1, 2, 4}) {
            ParameterSet params = model(value);
            TrainingState state = new TrainingState(
                    step,
                    1,
                    0,
                    42,
                    0,
                    new LearningRateScheduler.State(1e-3, 0, 0),
                    new EarlyStopping.State(0, 0, 0, null));
            store.save(params, new AdamOptimizer(params, 1e-3, 0.9, 0.999, 1e-8), state);
            step += 100;
        }
        store.saveBest(model(1), null);
        Files.writeString(runDir.resolve("config.yaml"), "model: {}\n");
        Files.writeString(runDir.resolve("vocab.src"), "a\nb\n");
        return runDir;
    }

    private static float[] weights(Path file) {
        ParameterSet params = model(0);
        Checkpoint.loadWeights(file, params);
        return params.get("w").value().toFloatVector();
    }

    @Test
    void writesAWeightsFile() throws IOException {
        Path runDir = trainingRun();
        Path output = tmp.resolve("avg.ckpt");
        assertEquals(
                0, run("average", "-m", runDir.toString(), "--last", "2", "-o", output.toString()), err.toString());
        assertArrayEquals(new float[] {3, 3, 3}, weights(output));
        assertEquals(output + System.lineSeparator(), out.toString());
    }

    @Test
    void writesAModelDirectoryWithTheAverageAsBest() throws IOException {
        Path runDir = trainingRun();
        Path output = tmp.resolve("averaged-model");
        assertEquals(
                0, run("average", "-m", runDir.toString(), "--last", "3", "-o", output.toString()), err.toString());
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(
                    List.of("best.ckpt", "config.yaml", "vocab.src"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(new float[] {7f / 3, 7f / 3, 7f / 3}, weights(output.resolve("best.ckpt")), 1e-6f);
        assertEquals("a\nb\n", Files.readString(output.resolve("vocab.src")));
    }

    @Test
    void errorsAreOneLineWithTheRightExitCode() throws IOException {
        Path runDir = trainingRun();
        assertEquals(
                1,
                run(
                        "average",
                        "-m",
                        runDir.toString(),
                        "--last",
                        "4",
                        "-o",
                        tmp.resolve("x.ckpt").toString()));
        assertEquals(
                "error: " + runDir.resolve("checkpoints") + ": holds 3 step checkpoints, fewer than the 4 asked for",
                err.toString().strip());
        assertTrue(Files.notExists(tmp.resolve("x.ckpt")));

        err.getBuffer().setLength(0);
        assertEquals(
                2,
                run(
                        "average",
                        "-m",
                        runDir.toString(),
                        "--last",
                        "0",
                        "-o",
                        tmp.resolve("x.ckpt").toString()));
        assertTrue(err.toString().startsWith("error: --last must be at least 1, got 0"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("average", "-m", runDir.toString(), "-o", runDir.toString()));
        assertTrue(err.toString().startsWith("error: -o must differ from -m"), err.toString());
    }
}
