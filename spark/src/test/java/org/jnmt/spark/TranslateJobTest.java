package org.jnmt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The main class as a user runs it: through {@code org.apache.spark.deploy.SparkSubmit} (what the
 * {@code spark-submit} script runs) in its own JVM, the model zipped and shipped with {@code --files}.
 */
class TranslateJobTest {

    @Test
    void sparkSubmitTranslatesWithAModelShippedAsAZip() throws Exception {
        Path zip = TestModel.zippedModel("tiny-model.zip");
        Path input = TestModel.hostileInput("submitted.txt");
        String[] cli = TestModel.cliTranslation(input, "--beam", "2");
        Path output = TestModel.root().resolve("submitted-out");

        Submitted run = submit(
                "--files",
                zip.toString(),
                "--class",
                TranslateJob.class.getName(),
                "spark-internal",
                "--model",
                "tiny-model.zip",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--beam",
                "2",
                "--partitions",
                "3");

        assertEquals(1, run.exitCode(), "exit 1: one line was not valid UTF-8\n" + run.err());
        assertTrue(run.err().contains("error: 1 input line(s) were not valid UTF-8"), run.err());
        assertTrue(run.err().contains("jnmt: 60 lines translated"), run.err());
        assertEquals(cli[0], TestModel.concatenatedParts(output));
    }

    @Test
    void aMissingModelOrBadOptionIsOneSentence() throws Exception {
        Path input = TestModel.hostileInput("unused.txt");
        Submitted usage = submit(
                "--class",
                TranslateJob.class.getName(),
                "spark-internal",
                "--model",
                "nowhere",
                "--input",
                input.toString(),
                "--output",
                "out",
                "--beam",
                "0");
        assertEquals(2, usage.exitCode(), usage.err());
        assertTrue(usage.err().contains("error: the beam size must be at least 1, not 0."), usage.err());

        Submitted missing = submit(
                "--class",
                TranslateJob.class.getName(),
                "spark-internal",
                "--model",
                "nowhere.zip",
                "--input",
                input.toString(),
                "--output",
                TestModel.root().resolve("never-written").toString());
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("error: nowhere.zip: no model directory or zip of one here"), missing.err());
    }

    private record Submitted(int exitCode, String err) {}

    /** Runs SparkSubmit on local[2] in a new JVM on this test's class path, from an empty folder. */
    private static Submitted submit(String... args) throws IOException, InterruptedException {
        Path workDir = Files.createTempDirectory(TestModel.root(), "submit");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dorg.bytedeco.javacpp.maxbytes=1G",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G",
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                "local[2]",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.driver.host=127.0.0.1"));
        command.addAll(List.of(args));
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("spark-submit did not end in 4 minutes: " + Files.readString(err));
        }
        return new Submitted(process.exitValue(), Files.readString(err));
    }
}
