package org.jnmt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jnmt.cli.NmtCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The training job's command line: nmt train's options plus its own, with nmt's exit codes; bad
 * values are refused on the driver before Spark or ND4J starts. (scripts/spark-local.sh runs the
 * job through SparkSubmit on Multi30k.)
 */
class TrainJobTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cli = NmtCommand.commandLine(new TrainJob());
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void takesNmtTrainsOptionsAndItsOwn() {
        StringWriter err = new StringWriter();
        CommandLine cli = NmtCommand.commandLine(new TrainJob());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("--help"));
        for (String option : new String[] {
            "--config",
            "--resume",
            "--max-minutes",
            "--accum-steps",
            "--set",
            "--workers",
            "--average-every",
            "--average-warmup-steps"
        }) {
            assertTrue(out.toString().contains(option), option);
        }
        assertEquals(2, run(err, "--out", dir.toString()));
        assertTrue(err.toString().contains("--workers"), err.toString());
    }

    @Test
    void badValuesAreUsageErrors() {
        String out = dir.resolve("run").toString();
        for (String[] args : new String[][] {
            {"--workers", "0", "--out", out},
            {"--workers", "2", "--average-every", "0", "--out", out},
            {"--workers", "2", "--average-warmup-steps", "-1", "--out", out},
        }) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, args), String.join(" ", args));
            assertTrue(err.toString().startsWith("error: --"), err.toString());
        }
        assertTrue(Files.notExists(dir.resolve("run")));
    }
}
