package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jnmt.cli.NmtCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Runs every {@code sacrebleu ARGS} of ../shared/bleu-vectors through {@code nmt bleu ARGS} and
 * compares stdout with sacreBLEU 2.6.0's, character for character.
 */
class SacreBleuVectorsTest {

    private static final Path VECTORS = Path.of("..", "shared", "bleu-vectors");

    @TestFactory
    Stream<DynamicTest> everyRunMatchesSacreBleu() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(VECTORS), "../shared/bleu-vectors is absent: the sacreBLEU vectors are not checked");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> cases = Files.list(VECTORS)) {
            for (Path caseDir : cases.filter(Files::isDirectory).sorted().toList()) {
                JsonNode expected = new ObjectMapper()
                        .readTree(caseDir.resolve("expected.json").toFile());
                assertEquals(
                        Signature.SACREBLEU_VERSION,
                        expected.get("sacrebleu_version").asText());
                for (JsonNode run : expected.get("runs")) {
                    List<String> args = new ArrayList<>();
                    run.get("args").forEach(arg -> args.add(arg.asText()));
                    String stdout = run.get("stdout").asText();
                    tests.add(DynamicTest.dynamicTest(
                            caseDir.getFileName() + ": sacrebleu " + String.join(" ", args),
                            () -> assertEquals(stdout + "\n", runInCase(caseDir, args))));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyCaseHasRuns() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(VECTORS), "../shared/bleu-vectors is absent: the sacreBLEU vectors are not checked");
        try (Stream<Path> cases = Files.list(VECTORS)) {
            List<Path> dirs = cases.filter(Files::isDirectory).toList();
            assertEquals(4, dirs.size());
            for (Path dir : dirs) {
                assertTrue(
                        new ObjectMapper()
                                        .readTree(dir.resolve("expected.json").toFile())
                                        .get("runs")
                                        .size()
                                > 0,
                        dir + " has no runs");
            }
        }
    }

    /** {@code nmt bleu ARGS} with the file arguments resolved against the case directory. */
    private static String runInCase(Path caseDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("bleu");
        for (String arg : args) {
            Path file = caseDir.resolve(arg);
            command.add(Files.isRegularFile(file) ? file.toString() : arg);
        }
        CommandLine cli = NmtCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(command.toArray(String[]::new));
        assertEquals(0, exitCode, "exit code; stderr: " + err);
        return out.toString();
    }
}
