package org.jnmt.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code nmt train --config C --out RUN [more]} in a JVM of its own, as a user's run, with one BLAS thread. */
final class TrainingProcess {

    private TrainingProcess() {}

    /** Starts the run; its stdout and stderr go to {@code log}. */
    static Process start(Path config, Path run, Path log, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.jnmt.cli.NmtCommand",
                "--quiet",
                "--threads",
                "1",
                "train",
                "--config",
                config.toString(),
                "--out",
                run.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
