package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jnmt.serve.ModelSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** nmt serve's command line: models numbered in command-line order, named by directory or NAME=DIR. */
class ServeCommandTest {

    @Test
    void modelsAreNumberedInTheOrderOfMAndModelOnTheCommandLine() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command)
                .parseArgs("--model", "fr=models/x", "-m", "models/multi30k-de-en", "--model", "en-fr=models/y");
        assertEquals(
                List.of(
                        new ModelSpec("fr", Path.of("models/x")),
                        new ModelSpec("multi30k-de-en", Path.of("models/multi30k-de-en")),
                        new ModelSpec("en-fr", Path.of("models/y"))),
                command.models);
    }

    @Test
    void badModelListsAreUsageErrors() {
        CliRun noModel = CliRun.of("serve");
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().contains("no model to serve"), noModel.err());
        CliRun noDir = CliRun.of("serve", "--model", "fr=");
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().contains("--model fr= names no directory"), noDir.err());
        CliRun twice = CliRun.of("serve", "-m", "a/x", "-m", "b/x");
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("two models are named 'x'"), twice.err());
    }
}
