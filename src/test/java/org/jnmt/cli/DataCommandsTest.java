package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tokenize, detokenize, bpe learn/apply and prepare through the command line: outputs, messages, exit codes. */
class DataCommandsTest {

    @Test
    void tokenizeAndDetokenizeRoundTripThroughFiles(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "Hello,\u00A0World!\n@@\r\nL'\u00C9t\u00E9 arrive...");
        Path tok = dir.resolve("tok.txt");
        assertEquals(
                0,
                CliRun.of("tokenize", "-i", in.toString(), "-o", tok.toString()).exitCode());
        assertEquals(
                "Hello \uFFED, World \uFFED!\n@ \uFFED@\nL \uFFED'\uFFED \u00C9t\u00E9 arrive \uFFED...\n",
                Files.readString(tok));
        CliRun back = CliRun.of("detokenize", "-i", tok.toString());
        assertEquals(0, back.exitCode());
        assertEquals("Hello, World!\n@@\nL'\u00C9t\u00E9 arrive...\n", back.out());
        assertEquals(
                "hello \uFFED, world \uFFED!\n",
                CliRun.of("tokenize", "--lowercase", "-i", in.toString()).out().split("(?<=\n)")[0]);
    }

    @Test
    void tokenizeReadsStandardInput() {
        assertEquals(
                "a \uFFED.\uFFED b\n",
                CliRun.withInput("a.b\n".getBytes(StandardCharsets.UTF_8), "tokenize")
                        .out());
    }

    @Test
    void invalidUtf8IsAnErrorWithFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("train.de");
        Files.write(bad, new byte[] {'a', '\n', 'b', '\n', (byte) 0xC3, 0x28, '\n'});
        CliRun result = CliRun.of("tokenize", "-i", bad.toString());
        assertEquals(1, result.exitCode());
        assertEquals("error: " + bad + ":3: invalid UTF-8 byte sequence\n", result.err());
    }

    @Test
    void bpeLearnThenApplyAndRemoveMarksGivesBackTheInput(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("text.txt");
        Files.write(
                text,
                List.of(
                        "low low low low low lower lower newest newest newest newest newest newest",
                        "widest widest widest"));
        Path codes = dir.resolve("codes");
        CliRun learned = CliRun.of("bpe", "learn", "-i", text.toString(), "-s", "100", "-o", codes.toString());
        assertEquals(0, learned.exitCode(), learned.err());
        List<String> lines = Files.readAllLines(codes);
        assertEquals("#version: 0.2", lines.get(0));
        assertEquals(List.of("s t</w>", "e st</w>", "l o", "w est</w>"), lines.subList(1, 5));

        Path input = dir.resolve("input.txt");
        Files.write(input, List.of("the lowest newer wider", "", "x sts"));
        CliRun applied = CliRun.of("bpe", "apply", "-c", codes.toString(), "-i", input.toString());
        assertEquals(0, applied.exitCode(), applied.err());
        assertEquals("t@@ h@@ e lo@@ west ne@@ wer wid@@ e@@ r\n\nx s@@ t@@ s\n", applied.out());
        assertEquals(Files.readString(input), applied.out().replace("@@ ", ""));
        CliRun firstTwo = CliRun.of("bpe", "apply", "-c", codes.toString(), "-i", input.toString(), "--merges", "2");
        assertTrue(firstTwo.out().startsWith("t@@ h@@ e l@@ o@@ w@@ est "), firstTwo.out());
    }

    @Test
    void bpeErrorsAndUsageMistakes(@TempDir Path dir) throws IOException {
        Path codes = dir.resolve("bad.codes");
        Files.writeString(codes, "#version: 0.2\na b\nabc\n");
        CliRun malformed = CliRun.of("bpe", "apply", "-c", codes.toString(), "-i", codes.toString());
        assertEquals(1, malformed.exitCode());
        assertEquals(
                "error: " + codes + ":3: invalid BPE merge 'abc': expected two symbols separated by one space\n",
                malformed.err());
        assertEquals(
                2, CliRun.of("bpe", "learn", "-s", "-5", "-i", codes.toString()).exitCode());
        assertEquals(2, CliRun.of("bpe", "apply").exitCode());
        assertEquals(2, CliRun.of("bpe").exitCode());
        CliRun missing =
                CliRun.of("bpe", "apply", "-c", dir.resolve("none.codes").toString());
        assertEquals(1, missing.exitCode());
        assertEquals("error: " + dir.resolve("none.codes") + ": file not found\n", missing.err());
    }

    private static Path config(Path dir, String trainSection) throws IOException {
        Path config = dir.resolve("c.yaml");
        Files.writeString(
                config,
                "data:\n" + trainSection
                        + "  dev:\n    src: " + dir.resolve("dev.src") + "\n    tgt: " + dir.resolve("dev.tgt") + "\n"
                        + "  dir: " + dir.resolve("prepared") + "\n  bpe_merges: 10\n");
        Files.write(dir.resolve("dev.src"), List.of("a b"));
        Files.write(dir.resolve("dev.tgt"), List.of("c d"));
        return config;
    }

    @Test
    void prepareReportsMismatchedLineCounts(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train.de"), List.of("a", "b", "c"));
        Files.write(dir.resolve("train.en"), List.of("x", "y"));
        Path config = config(
                dir, "  train:\n    src: " + dir.resolve("train.de") + "\n    tgt: " + dir.resolve("train.en") + "\n");
        CliRun result = CliRun.of("prepare", "--config", config.toString());
        assertEquals(1, result.exitCode());
        // Progress goes where the command line's errors go, before the error that ends it.
        assertTrue(result.err().startsWith("prepare: reading " + dir.resolve("train.de")), result.err());
        assertTrue(
                result.err()
                        .endsWith("\nerror: " + dir.resolve("train.de") + " has 3 lines but " + dir.resolve("train.en")
                                + " has 2; the two sides of a corpus must be aligned line by line\n"),
                result.err());
    }

    @Test
    void prepareStopsAtABadTsvLineOrSkipsIt(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("train.tsv");
        Files.write(tsv, List.of("a b\tc d", "no tab", "e f\tg h", "\tempty source", "a e\tc g"));
        Path config = config(dir, "  train:\n    tsv: " + tsv + "\n");
        CliRun strict = CliRun.of("prepare", "--quiet", "--config", config.toString());
        assertEquals(1, strict.exitCode());
        assertEquals(
                "error: " + tsv + ":2: expected exactly one tab between source and target, found 0"
                        + " (use --skip-invalid to skip such lines)\n",
                strict.err());

        CliRun skipping = CliRun.of(
                "prepare", "--config", config.toString(), "--skip-invalid", "--set", "data.max_length_ratio=10");
        assertEquals(0, skipping.exitCode(), skipping.err());
        assertTrue(skipping.out().contains("invalid lines skipped: 1\n"), skipping.out());
        assertTrue(skipping.out().contains("pairs with an empty side skipped: 1\n"), skipping.out());
        assertTrue(skipping.out().contains("train pairs: 3\n"), skipping.out());
        assertTrue(Files.exists(dir.resolve("prepared/summary.txt")));
    }

    @Test
    void prepareConfigMistakes(@TempDir Path dir) throws IOException {
        CliRun missing =
                CliRun.of("prepare", "--config", dir.resolve("none.yaml").toString());
        assertEquals(1, missing.exitCode());
        assertEquals("error: " + dir.resolve("none.yaml") + ": config file not found\n", missing.err());
        Path config = config(dir, "");
        CliRun noTrain = CliRun.of("prepare", "--config", config.toString());
        assertEquals(1, noTrain.exitCode());
        assertTrue(noTrain.err().startsWith("error: data.train is missing"), noTrain.err());
        assertEquals(2, CliRun.of("prepare").exitCode());
    }
}
