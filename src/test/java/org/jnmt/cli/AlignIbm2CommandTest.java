package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnmt.align.Link;
import org.jnmt.align.PharaohFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nmt align --method ibm2 on a toy corpus whose alignment is known, and on the Hansards gold set. */
class AlignIbm2CommandTest {

    private static final Pattern AER = Pattern.compile("^AER (\\d+\\.\\d+) ");

    @TempDir
    static Path dir;

    private static Path sources;
    private static Path targets;
    private static Path gold;

    /**
     * 200 pairs of 4 words: source words s(k), s(k+1), s(k+3), s(k+6) (mod 40), translated word for
     * word with the last two swapped, so the true links are 0-0 1-1 2-3 3-2.
     */
    @BeforeAll
    static void writeToyCorpus() throws IOException {
        List<String> source = new ArrayList<>();
        List<String> target = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            int[] words = {k % 40, (k + 1) % 40, (k + 3) % 40, (k + 6) % 40};
            source.add("s" + words[0] + " s" + words[1] + " s" + words[2] + " S" + words[3]);
            target.add("t" + words[0] + " t" + words[1] + " t" + words[3] + " t" + words[2]);
        }
        sources = Files.write(dir.resolve("toy.src"), source);
        targets = Files.write(dir.resolve("toy.tgt"), target);
        gold = Files.write(
                dir.resolve("toy.gold"),
                source.stream().map(line -> "0-0 1-1 2-3 3-2").toList());
    }

    @Test
    void findsTheKnownAlignmentOfAToyCorpus() throws IOException {
        Path out = dir.resolve("forward.txt");
        CliRun run = alignToyCorpusAgainstGold("-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0.0, aer(run), 1e-9, run.out());
        List<List<Link>> links = PharaohFormat.read(out);
        assertEquals(200, links.size());
        assertEquals("0-0 1-1 2-3 3-2", PharaohFormat.format(links.get(17)));
    }

    @Test
    void eachDirectionAndHeuristicFindsIt() {
        for (String[] extra : List.of(
                new String[] {"--reverse"},
                new String[] {"--symmetrize", "intersect"},
                new String[] {"--symmetrize", "union"},
                new String[] {"--symmetrize", "grow-diag-final-and"})) {
            CliRun run = alignToyCorpusAgainstGold(extra);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(0.0, aer(run), 1e-9, String.join(" ", extra) + ": " + run.out());
        }
    }

    @Test
    void writesLinksToStandardOutputWithoutGold() {
        CliRun run = CliRun.of(
                "align",
                "--method",
                "ibm2",
                "--lowercase",
                "--src",
                sources.toString(),
                "--tgt",
                targets.toString(),
                "--train-src",
                sources.toString(),
                "--train-tgt",
                targets.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(200, run.outLines().length);
        assertEquals("0-0 1-1 2-3 3-2", run.outLines()[0]);
    }

    @Test
    void helpSpellsTheMethodsAndHeuristics() {
        CliRun run = CliRun.of("align", "--help");
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("attention, ibm2"), help);
        assertTrue(help.contains("intersect, union, grow-diag-final-and"), help);
    }

    @Test
    void optionsThatDoNotFitTheMethodAreUsageErrors() {
        String src = sources.toString();
        String tgt = targets.toString();
        assertUsageError(
                "-m is for --method attention",
                "align",
                "--method",
                "ibm2",
                "-m",
                dir.toString(),
                "--src",
                src,
                "--tgt",
                tgt);
        assertUsageError(
                "--symmetrize combines the attention of two models: give the model of the other direction",
                "align",
                "-m",
                dir.toString(),
                "--symmetrize",
                "union",
                "--src",
                src,
                "--tgt",
                tgt);
        assertUsageError("needs the model", "align", "--src", src, "--tgt", tgt);
        assertUsageError(
                "--train-src and --train-tgt go together",
                "align",
                "--method",
                "ibm2",
                "--src",
                src,
                "--tgt",
                tgt,
                "--train-src",
                src);
        assertUsageError(
                "exclude each other",
                "align",
                "--method",
                "ibm2",
                "--src",
                src,
                "--tgt",
                tgt,
                "--reverse",
                "--symmetrize",
                "union");
        assertUsageError(
                "--iterations must be at least 1",
                "align",
                "--method",
                "ibm2",
                "--src",
                src,
                "--tgt",
                tgt,
                "--iterations",
                "0");
        assertEquals(
                2,
                CliRun.of("align", "--method", "ibm3", "--src", src, "--tgt", tgt)
                        .exitCode());
        assertEquals(
                2,
                CliRun.of("align", "--method", "ibm2", "--symmetrize", "grow-diag", "--src", src, "--tgt", tgt)
                        .exitCode());
    }

    /** The README's command on the shared Hansards set, trained on its 447 pairs alone. */
    @Test
    void beatsTheDiagonalOnTheHansardsGoldSet() {
        CliRun run = HansardsGold.align("--method", "ibm2", "--lowercase");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(aer(run) < 40, "the diagonal scores AER 53.8: " + run.out());
    }

    /** {@code nmt align --method ibm2 --lowercase} on the toy corpus, scored against its gold links. */
    private static CliRun alignToyCorpusAgainstGold(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "align",
                "--method",
                "ibm2",
                "--lowercase",
                "--src",
                sources.toString(),
                "--tgt",
                targets.toString(),
                "--gold",
                gold.toString(),
                "--gold-base",
                "0"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertUsageError(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    private static double aer(CliRun run) {
        Matcher matcher = AER.matcher(run.out());
        assertTrue(matcher.find(), run.out());
        return Double.parseDouble(matcher.group(1));
    }
}
