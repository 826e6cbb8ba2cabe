package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nmt bleu}; expected stdout is sacreBLEU 2.6.0's for the same files and options. */
class BleuCommandTest {

    private static final String SENTENCE_SIGNATURE = "BLEU|nrefs:1|case:mixed|eff:yes|tok:13a|smooth:";

    @TempDir
    Path dir;

    private Path hyp;
    private Path ref;
    private Path oneHyp;
    private Path oneRef;

    private record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void writeFiles() throws IOException {
        hyp = write("hyp.txt", "the cat sat on the mat\nthe cat sat\n\nA dog .\n");
        ref = write("ref.txt", "the cat is on the mat\nthe cat sat down\na dog runs\nThe dog.\n");
        oneHyp = write("one-hyp.txt", "the cat sat on the mat\n");
        oneRef = write("one-ref.txt", "the cat is on the mat\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Result run(Object... args) {
        List<String> command = new ArrayList<>(List.of("bleu"));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        CommandLine cli = NmtCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(command.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static Result runWithStdin(String stdin, Object... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void sentenceLevelPrintsOneTextLinePerSegmentWithEffectiveOrder() {
        Result result = run(ref, "-i", hyp, "-sl", "-w", 4, "-f", "json");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(
                String.join(
                        "\n",
                        SENTENCE_SIGNATURE
                                + "exp|version:2.6.0 = 37.9918 83.3/60.0/25.0/16.7 (BP = 1.000 ratio = 1.000 hyp_len = 6 ref_len = 6)",
                        SENTENCE_SIGNATURE
                                + "exp|version:2.6.0 = 71.6531 100.0/100.0/100.0/0.0 (BP = 0.717 ratio = 0.750 hyp_len = 3 ref_len = 4)",
                        SENTENCE_SIGNATURE
                                + "exp|version:2.6.0 = 0.0000 0.0/0.0/0.0/0.0 (BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 3)",
                        SENTENCE_SIGNATURE
                                + "exp|version:2.6.0 = 55.0321 66.7/50.0/50.0/0.0 (BP = 1.000 ratio = 1.000 hyp_len = 3 ref_len = 3)",
                        ""),
                result.out());
    }

    @Test
    void sentenceLevelWithEachSmoothingMethod() {
        assertEquals(
                SENTENCE_SIGNATURE
                        + "floor[0.10]|version:2.6.0 = 32.1830 66.7/50.0/10.0/0.0 (BP = 1.000 ratio = 1.000 hyp_len = 3 ref_len = 3)",
                lastLine(run(ref, "-i", hyp, "-sl", "-w", 4, "-s", "floor")));
        assertEquals(
                SENTENCE_SIGNATURE
                        + "add-k[1.00]|version:2.6.0 = 68.6589 66.7/66.7/50.0/100.0 (BP = 1.000 ratio = 1.000 hyp_len = 3 ref_len = 3)",
                lastLine(run(ref, "-i", hyp, "-sl", "-w", 4, "-s", "add-k")));
        assertEquals(
                SENTENCE_SIGNATURE
                        + "none|version:2.6.0 = 0.0000 66.7/50.0/0.0/0.0 (BP = 1.000 ratio = 1.000 hyp_len = 3 ref_len = 3)",
                lastLine(run(ref, "-i", hyp, "-sl", "-w", 4, "-s", "none")));
        assertEquals("38.0\n71.7\n0.0\n55.0\n", run(ref, "-i", hyp, "-sl", "-b").out());
    }

    @Test
    void sentenceLevelChrfPlusPlusWithShortSignature() {
        Result result = run(ref, ref, "-i", hyp, "-sl", "-m", "chrf", "-cw", 2, "-w", 3, "-sh");
        assertEquals("""
                chrF2++|#:2|c:mixed|e:yes|nc:6|nw:2|s:no|v:2.6.0 = 66.361
                chrF2++|#:2|c:mixed|e:yes|nc:6|nw:2|s:no|v:2.6.0 = 68.356
                chrF2++|#:2|c:mixed|e:yes|nc:6|nw:2|s:no|v:2.6.0 = 0.000
                chrF2++|#:2|c:mixed|e:yes|nc:6|nw:2|s:no|v:2.6.0 = 43.488
                """, result.out());
    }

    private static String lastLine(Result result) {
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void corpusScoreWithEachSmoothingMethod() {
        String signature = "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:";
        String lengths = " (BP = 1.000 ratio = 1.000 hyp_len = 6 ref_len = 6)\n";
        assertEquals(
                signature + "exp|version:2.6.0 = 37.9918 83.3/60.0/25.0/16.7" + lengths,
                run(oneRef, "-i", oneHyp, "-f", "text", "-w", 4).out());
        assertEquals(
                signature + "floor[0.10]|version:2.6.0 = 25.4066 83.3/60.0/25.0/3.3" + lengths,
                run(oneRef, "-i", oneHyp, "-f", "text", "-w", 4, "-s", "floor").out());
        assertEquals(
                signature + "floor[0.50]|version:2.6.0 = 37.9918 83.3/60.0/25.0/16.7" + lengths,
                run(oneRef, "-i", oneHyp, "-f", "text", "-w", 4, "-s", "floor", "-sv", 0.5)
                        .out());
        assertEquals(
                signature + "add-k[1.00]|version:2.6.0 = 48.5492 83.3/66.7/40.0/25.0" + lengths,
                run(oneRef, "-i", oneHyp, "-f", "text", "-w", 4, "--smooth-method", "add-k")
                        .out());
        assertEquals(
                signature + "add-k[0.50]|version:2.6.0 = 39.8636 83.3/63.6/33.3/14.3" + lengths,
                run(oneRef, "-i", oneHyp, "-f", "text", "-w", 4, "-s", "add-k", "--smooth-value", 0.5)
                        .out());
        assertEquals(
                signature + "none|version:2.6.0 = 0.0000 83.3/60.0/25.0/0.0" + lengths,
                run(oneRef, "-i", oneHyp, "-f", "text", "-w", 4, "-s", "none").out());
    }

    @Test
    void defaultOutputIsJson() {
        Result result = run(ref, "-i", hyp);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                {
                 "name": "BLEU",
                 "score": 30.0,
                 "signature": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0",
                 "verbose_score": "83.3/66.7/33.3/16.7 (BP = 0.717 ratio = 0.750 hyp_len = 12 ref_len = 16)",
                 "nrefs": "1",
                 "case": "mixed",
                 "eff": "no",
                 "tok": "13a",
                 "smooth": "exp",
                 "version": "2.6.0"
                }
                """, result.out());
    }

    @Test
    void twoMetricsPrintBleuThenChrfAligned() {
        assertEquals(
                "  BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 30.03 83.3/66.7/33.3/16.7"
                        + " (BP = 0.717 ratio = 0.750 hyp_len = 12 ref_len = 16)\n"
                        + "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 52.12\n",
                run(ref, "-i", hyp, "-m", "chrf", "bleu", "-f", "text", "-w", 2).out());
    }

    @Test
    void unicodeWhitespaceSeparatesTokensAndTrailingWhitespaceIsStripped() throws IOException {
        Path spaced = write("spaced.txt", "the cat\u202Fsat on\u3000the mat \t\u00A0\n");
        assertEquals("38.0\n", run(oneRef, "-i", spaced, "-b").out());
    }

    @Test
    void standardInputIsReadWithUniversalNewlines() {
        Result result = runWithStdin("the cat sat on the mat\rthe cat sat\r\n\nA dog .", ref, "-sl", "-b");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("38.0\n71.7\n0.0\n55.0\n", result.out());
        assertEquals(
                "38.0\n",
                runWithStdin("the cat sat on the mat\n", oneRef, "-i", "-", "-b")
                        .out());
    }

    @Test
    void differentLineCountsAreAnErrorNamingBothFiles() {
        Result result = run(ref, "-i", oneHyp);
        assertEquals(1, result.exitCode());
        assertEquals(
                "error: The hypothesis " + oneHyp + " has 1 line but the reference " + ref
                        + " has 4 lines; they need one line per segment.\n",
                result.err());
        assertEquals("", result.out());
    }

    @Test
    void invalidUtf8IsAnErrorAtFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'a', '\n', 'b', (byte) 0xFF, '\n'});
        Result result = run(bad, "-i", bad);
        assertEquals(1, result.exitCode());
        assertEquals("error: " + bad + ":2: invalid UTF-8; the segments must be UTF-8 text.\n", result.err());
    }

    @Test
    void emptyHypothesisFileIsAnError() throws IOException {
        Path empty = write("empty.txt", "");
        Result result = run(empty, "-i", empty);
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("has no lines"), result.err());
    }

    @Test
    void tabOnStandardInputIsAnError() {
        Result result = runWithStdin("a\tb\n", oneRef);
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("error: <stdin>:1: a tab"), result.err());
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertEquals(2, run(ref, "-i", hyp, "-sl", "-m", "bleu", "chrf").exitCode());
        assertEquals(2, run(ref, "-i", hyp, "--tokenize", "zh").exitCode());
        assertEquals(2, run(ref, "-i", hyp, "-m", "ter").exitCode());
        assertEquals(2, run(ref, "-i", hyp, "-s", "bogus").exitCode());
        assertEquals(2, run(ref, "-i", hyp, "-w", -1).exitCode());
        assertEquals(2, run(ref, "-i", hyp, "-f", "latex").exitCode());
        Result twoInputs = run(ref, "-i", hyp, hyp);
        assertEquals(2, twoInputs.exitCode());
        assertTrue(twoInputs.err().contains("one hypothesis file"), twoInputs.err());
        assertEquals(2, run("-i", hyp).exitCode());
    }
}
