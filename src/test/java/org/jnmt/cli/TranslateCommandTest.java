package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnmt.align.AttentionFiles;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.align.Link;
import org.jnmt.align.PharaohFormat;
import org.jnmt.api.TinyModel;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.data.TextNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** nmt translate: one line out per line in, n-best and alignment forms, attention files, batching. */
class TranslateCommandTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainModel() {
        model = TinyModel.train(dir);
    }

    @Test
    void everyInputLineGetsExactlyOneOutputLine() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        write(input, "the third of May 1999\n");
        write(input, "\n"); // 2: empty
        write(input, " \t \u00A0 \n"); // 3: blank
        write(input, "#$%^&*(){}[]|\\~`<>@@ @@ </s> <unk>\n"); // 4: junk and special-token look-alikes
        write(input, "😀🎉 emoji 🚀 मई\n");
        input.write(new byte[] {'a', (byte) 0xC3, 0x28, 'b', '\n'}); // 6: invalid UTF-8
        write(input, "one ".repeat(300).strip() + "\n"); // 7: 300 words
        write(input, "x".repeat(10_000) + "\n"); // 8: 10,000 characters, one word
        write(input, "a\u0000b nul \u0000\n"); // 9: NUL characters
        write(input, "\u202Bשלום עולם\u202C مرحبا \u200Fبالعالم\n"); // 10: right-to-left text and marks
        write(input, "e\u0301te\u0301 Z\u0351\u0300\u0489a\u0308\u0308\u0308lgo\n"); // 11: combining characters
        write(input, "the first of January 2000"); // 12: no final newline
        Path file = dir.resolve("hostile.txt");
        Files.write(file, input.toByteArray());

        CliRun run = CliRun.of("translate", "-m", model.toString(), "-i", file.toString(), "--beam", "2");
        assertEquals(1, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals(12, lines.length, run.out());
        assertEquals("", lines[1]);
        assertEquals("", lines[2]);
        assertEquals("", lines[5]);
        assertTrue(run.err().contains("warning: " + file + ":6: invalid UTF-8"), run.err());
        assertTrue(run.err().contains("error: 1 input line(s) were not valid UTF-8"), run.err());

        // The first six lines through standard input, named <stdin> in the warnings.
        ByteArrayOutputStream firstSix = new ByteArrayOutputStream();
        byte[] all = input.toByteArray();
        for (int i = 0, newlines = 0; newlines < 6; i++) {
            firstSix.write(all[i]);
            newlines += all[i] == '\n' ? 1 : 0;
        }
        CliRun piped = CliRun.withInput(firstSix.toByteArray(), "translate", "-m", model.toString(), "--beam", "2");
        assertEquals(1, piped.exitCode());
        assertEquals(List.of(lines).subList(0, 6), List.of(piped.outLines()));
        assertTrue(piped.err().contains("warning: <stdin>:6: invalid UTF-8"), piped.err());
    }

    @Test
    void aCleanInputExitsWithZeroAndWarnsAboutCutTranslations() throws IOException {
        Path file = dir.resolve("clean.txt");
        List<String> sentences = List.of("the third of May 1999", "", "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1");
        Files.write(file, sentences);
        CliRun run = CliRun.of(
                "translate",
                "-m",
                model.toString(),
                "-i",
                file.toString(),
                "--beam",
                "1",
                "--max-output-ratio",
                "0.01");
        assertEquals(0, run.exitCode(), run.err());
        try (Translator translator = Translator.load(model)) {
            List<Translation> expected = translator.translate(
                    sentences, translator.defaults().withBeam(1).withMaxOutputRatio(0.01));
            int cut = 0;
            for (int i = 0; i < sentences.size(); i++) {
                Translation t = expected.get(i);
                assertEquals(t.text(), run.outLines()[i]);
                String warning = file + ":" + (i + 1) + ": translation cut at "
                        + t.targetTokens().size() + " tokens";
                assertEquals(t.truncated(), run.err().contains(warning), run.err());
                cut += t.truncated() ? 1 : 0;
            }
            assertTrue(cut > 0, "some translation is cut at 10 tokens: " + run.out());
        }
    }

    @Test
    void standardInputIsTranslatedLineByLineAsItArrives() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        // Appended to by the translating thread while this one reads it: the synchronisation is wanted.
        @SuppressWarnings("JdkObsolete")
        StringBuffer output = new StringBuffer();
        CommandLine cli = NmtCommand.newCommandLine();
        cli.setOut(new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                output.append(chars, offset, length);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        }));
        cli.setErr(new PrintWriter(new StringWriter()));
        InputStream saved = System.in;
        System.setIn(stdin);
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> cli.execute("translate", "-m", model.toString(), "--beam", "1", "--batch-size", "32"));
            String[] sentences = {"a", "the third of May 1999", "", "the first of January 2000"};
            for (int i = 0; i < sentences.length; i++) {
                feed.write((sentences[i] + "\n").getBytes(StandardCharsets.UTF_8));
                feed.flush();
                int expectedLines = i + 1;
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (output.chars().filter(c -> c == '\n').count() < expectedLines) {
                    assertTrue(
                            System.nanoTime() < deadline,
                            "no output for line " + expectedLines + " while the input stays open; got: " + output);
                    Thread.sleep(20);
                }
                assertEquals(
                        expectedLines, output.chars().filter(c -> c == '\n').count());
            }
            feed.close();
            assertEquals(0, exit.get(60, TimeUnit.SECONDS));
            assertEquals("", output.toString().split("\n", -1)[2]);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void nBestLinesCarryTheLineNumberTheTranslationAndItsScore() throws IOException {
        Path file = dir.resolve("nbest.txt");
        Files.write(file, List.of("the third of May 1999", "", "the first of January 2000"));
        CliRun run =
                CliRun.of("translate", "-m", model.toString(), "-i", file.toString(), "--nbest", "3", "--beam", "3");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals(9, lines.length, run.out());
        Pattern form = Pattern.compile("(\\d+) \\|\\|\\| (.*) \\|\\|\\| (-?\\d+\\.\\d{6})");
        double previous = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = form.matcher(lines[i]);
            assertTrue(m.matches(), lines[i]);
            assertEquals(i / 3, Integer.parseInt(m.group(1)));
            double score = Double.parseDouble(m.group(3));
            if (i % 3 > 0) {
                assertTrue(score <= previous, "best first: " + run.out());
            }
            previous = score;
        }
        assertEquals("1 |||  ||| 0.000000", lines[3]);
        assertEquals(
                2,
                CliRun.of("translate", "-m", model.toString(), "-i", file.toString(), "--nbest", "4", "--beam", "2")
                        .exitCode());
    }

    @Test
    void hardAlignmentsArePharaohLinksBetweenWordsOfTheInputAndTheOutput() throws IOException {
        Path file = dir.resolve("align.txt");
        List<String> sentences = List.of("the twenty-first of September, 1999.", "", "on 3 March 2001 !");
        Files.write(file, sentences);
        CliRun run = CliRun.of("translate", "-m", model.toString(), "-i", file.toString(), "--alignments", "hard");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals(3, lines.length);
        assertEquals(" ||| ", lines[1]);
        int links = 0;
        for (int i = 0; i < lines.length; i++) {
            int separator = lines[i].indexOf(" ||| ");
            assertTrue(separator >= 0, lines[i]);
            String translation = lines[i].substring(0, separator);
            int sourceWords = TextNormalizer.words(sentences.get(i)).size();
            int targetWords = TextNormalizer.words(translation).size();
            List<Link> parsed = PharaohFormat.parse(lines[i].substring(separator + 5), file, i + 1);
            for (Link link : parsed) {
                assertTrue(link.source() < sourceWords && link.target() < targetWords, lines[i]);
            }
            assertEquals(targetWords, parsed.size(), "one link per target word: " + lines[i]);
            links += parsed.size();
        }
        assertTrue(links > 0);

        CliRun soft = CliRun.of("translate", "-m", model.toString(), "-i", file.toString(), "--alignments", "soft");
        String first = soft.outLines()[0];
        String[] groups = first.substring(first.indexOf(" ||| ") + 5).split(" ");
        assertEquals(
                TextNormalizer.words(lines[0].substring(0, lines[0].indexOf(" ||| ")))
                        .size(),
                groups.length);
        for (String group : groups) {
            assertEquals(TextNormalizer.words(sentences.get(0)).size(), group.split(",").length, first);
        }
        assertEquals(
                2,
                CliRun.of("translate", "-m", model.toString(), "--alignments", "fuzzy")
                        .exitCode());
    }

    @Test
    void attentionFilesHaveOneRowPerTargetTokenOverTheRealSourcePositions() throws IOException {
        Path file = dir.resolve("attention.txt");
        List<String> sentences =
                List.of("the third of May 1999", "on the twenty-second of December in the year 2011", "", "May 1999");
        Files.write(file, sentences);
        Path out = dir.resolve("attention-out");
        CliRun run = CliRun.of(
                "translate", "-m", model.toString(), "-i", file.toString(), "--attention-out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (Translator translator = Translator.load(model)) {
            for (int n = 1; n <= sentences.size(); n++) {
                AttentionMatrix matrix = AttentionFiles.readJson(out.resolve(n + ".json"));
                List<String> sourceTokens =
                        translator.translate(sentences.get(n - 1)).sourceTokens();
                assertEquals(sourceTokens, matrix.sourceTokens(), "no padding columns");
                for (float[] row : matrix.weights()) {
                    assertEquals(sourceTokens.size(), row.length);
                    double sum = 0;
                    for (float w : row) {
                        sum += w;
                    }
                    assertEquals(1.0, sum, 1e-4);
                }
                long cells = (long) matrix.weights().length * sourceTokens.size();
                byte[] npy = Files.readAllBytes(out.resolve(n + ".npy"));
                String header = new String(npy, 10, 118, StandardCharsets.US_ASCII);
                assertTrue(
                        header.contains("'shape': (" + matrix.weights().length + ", " + sourceTokens.size() + ")"),
                        header);
                assertEquals(128 + 4 * cells, npy.length);
            }
        }
        assertEquals(0, AttentionFiles.readJson(out.resolve("3.json")).weights().length);
    }

    @Test
    void batchSizeDoesNotChangeBeamSearchOutput() throws IOException {
        List<String> sentences = new ArrayList<>(Files.readAllLines(TinyModel.testSources(dir)));
        sentences.add(3, "");
        sentences.add(7, "the third of May 1999 and the fourth of June 2000");
        Path file = dir.resolve("batches.txt");
        Files.write(file, sentences);
        CliRun one = CliRun.of(
                "translate", "-m", model.toString(), "-i", file.toString(), "--beam", "5", "--batch-size", "1");
        CliRun many = CliRun.of(
                "translate", "-m", model.toString(), "-i", file.toString(), "--beam", "5", "--batch-size", "32");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(sentences.size(), many.outLines().length);
        assertEquals(one.out(), many.out());
    }

    @Test
    void prefixFileForcesTheStartOfEachTranslationInBeamAndGreedySearch() throws IOException {
        List<String> sources = Files.readAllLines(TinyModel.testSources(dir)).subList(0, 3);
        List<String> references = Files.readAllLines(TinyModel.testReferences(dir));
        Path input = dir.resolve("prefixed.txt");
        Files.write(input, sources);
        Path prefixes = dir.resolve("prefixes.txt");
        String first = String.join(" ", List.of(references.get(0).split(" ")).subList(0, 4));
        String third = String.join(" ", List.of(references.get(2).split(" ")).subList(0, 6));
        Files.write(prefixes, List.of(first, "", third));
        for (String beam : List.of("5", "1")) {
            CliRun free = CliRun.of("translate", "-m", model.toString(), "-i", input.toString(), "--beam", beam);
            CliRun forced = CliRun.of(
                    "translate",
                    "-m",
                    model.toString(),
                    "-i",
                    input.toString(),
                    "--beam",
                    beam,
                    "--prefix-file",
                    prefixes.toString());
            assertEquals(0, forced.exitCode(), forced.err());
            String[] lines = forced.outLines();
            assertTrue(lines[0].startsWith(first), "beam " + beam + ": " + lines[0]);
            assertEquals(free.outLines()[1], lines[1], "an empty prefix line leaves the translation free");
            assertTrue(lines[2].startsWith(third), "beam " + beam + ": " + lines[2]);
        }
        Files.write(prefixes, List.of(first));
        CliRun tooFew = CliRun.of(
                "translate", "-m", model.toString(), "-i", input.toString(), "--prefix-file", prefixes.toString());
        assertEquals(1, tooFew.exitCode());
        assertTrue(tooFew.err().contains("prefixes.txt: has 1 lines but the input has more"), tooFew.err());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
