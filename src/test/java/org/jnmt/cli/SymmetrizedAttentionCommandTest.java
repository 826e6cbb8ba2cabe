package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jnmt.align.Link;
import org.jnmt.align.PharaohFormat;
import org.jnmt.align.Symmetrization;
import org.jnmt.align.WordAttention;
import org.jnmt.api.TinyModel;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.data.TextNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * nmt align and nmt attention with two tiny trained models, words to ISO dates and back: both
 * directions' attention symmetrised, and the reading of the attention against the search's.
 */
class SymmetrizedAttentionCommandTest {

    @TempDir
    static Path dir;

    static Path forward;
    static Path reverse;
    static Path sources;
    static Path targets;

    @BeforeAll
    static void trainBothDirections() {
        forward = TinyModel.train(dir);
        reverse = TinyModel.trainReverse(dir);
        sources = TinyModel.testSources(dir);
        targets = TinyModel.testReferences(dir);
    }

    /**
     * Each heuristic's output is the heuristic applied to what the two models give alone: -m's
     * links, and --reverse-model's links (written TGT-SRC when it aligns the swapped files) turned round.
     */
    @Test
    void eachHeuristicCombinesTheForwardLinksWithTheReverseLinksTurnedRound() throws IOException {
        List<List<Link>> forwardLinks = links(align("-m", forward.toString(), "--src", sources, "--tgt", targets));
        List<List<Link>> reverseLinks = links(align("-m", reverse.toString(), "--src", targets, "--tgt", sources));
        List<String> sourceLines = Files.readAllLines(sources);
        List<List<Link>> turned = new ArrayList<>();
        for (int i = 0; i < reverseLinks.size(); i++) {
            List<Link> links = reverseLinks.get(i).stream().map(Link::inverted).toList();
            // Turned round, the reverse model links each source word once.
            assertEquals(
                    TextNormalizer.words(sourceLines.get(i)).size(),
                    links.stream().map(Link::source).distinct().count());
            turned.add(links);
        }
        boolean differ = false;
        for (Symmetrization heuristic : Symmetrization.values()) {
            List<List<Link>> combined = links(align(
                    "-m",
                    forward.toString(),
                    "--reverse-model",
                    reverse.toString(),
                    "--symmetrize",
                    heuristic.toString(),
                    "--src",
                    sources,
                    "--tgt",
                    targets));
            assertEquals(sourceLines.size(), combined.size());
            for (int i = 0; i < combined.size(); i++) {
                Set<Link> expected = heuristic.apply(forwardLinks.get(i), turned.get(i));
                assertEquals(List.copyOf(expected), combined.get(i), heuristic + ", line " + (i + 1));
                differ |= !Set.copyOf(forwardLinks.get(i)).equals(expected);
            }
        }
        assertTrue(differ, "the reverse model changes some links, or this test would not see it wired");
    }

    /**
     * --threshold reads each direction's links with {@link WordAttention#alignment}, before the
     * heuristic combines them; alone, it is -m's links at that threshold.
     */
    @Test
    void aThresholdReadsTheLinksOfEachDirectionBeforeTheyAreCombined() throws IOException {
        double threshold = 0.3;
        List<BothWays> attention = forcedBothWays();
        List<List<Link>> alone =
                links(align("-m", forward, "--threshold", threshold, "--src", sources, "--tgt", targets));
        List<List<Link>> combined = linksOfBoth("--symmetrize", "union", "--threshold", threshold);
        boolean thresholdMatters = false;
        for (int i = 0; i < attention.size(); i++) {
            WordAttention f = attention.get(i).forward();
            WordAttention r = attention.get(i).backward();
            assertEquals(f.alignment(threshold), alone.get(i), "line " + (i + 1));
            assertEquals(
                    List.copyOf(Symmetrization.UNION.apply(f.alignment(threshold), r.invertedAlignment(threshold))),
                    combined.get(i),
                    "line " + (i + 1));
            thresholdMatters |= !f.alignment(threshold).equals(f.hardAlignment());
        }
        assertTrue(thresholdMatters, "some target word spreads its attention, or this test would not see it wired");
        CliRun outside = CliRun.of(
                "align",
                "-m",
                forward.toString(),
                "--threshold",
                "1.5",
                "--src",
                sources.toString(),
                "--tgt",
                targets.toString());
        assertEquals(2, outside.exitCode());
        assertTrue(outside.err().contains("--threshold"), outside.err());
        CliRun ibm2 = CliRun.of(
                "align",
                "--method",
                "ibm2",
                "--threshold",
                "0.3",
                "--src",
                sources.toString(),
                "--tgt",
                targets.toString());
        assertEquals(2, ibm2.exitCode());
        assertTrue(ibm2.err().contains("--threshold reads attention"), ibm2.err());
    }

    @Test
    void averageReadsBothDirectionsFromTheMeanOfTheirAttention() throws IOException {
        List<BothWays> attention = forcedBothWays();
        boolean averageMatters = false;
        for (double threshold : new double[] {0, 0.3}) {
            List<List<Link>> averaged = linksOfBoth("--symmetrize", "intersect", "--average", "--threshold", threshold);
            for (int i = 0; i < attention.size(); i++) {
                WordAttention f = attention.get(i).forward();
                WordAttention r = attention.get(i).backward();
                Set<Link> expected = Symmetrization.INTERSECT.applyToMean(f, r, threshold);
                assertEquals(List.copyOf(expected), averaged.get(i), "threshold " + threshold + ", line " + (i + 1));
                averageMatters |= !expected.equals(Symmetrization.INTERSECT.apply(f, r, threshold));
            }
        }
        assertTrue(averageMatters, "the mean moves some links, or this test would not see it wired");
        String s = sources.toString();
        String t = targets.toString();
        CliRun alone = CliRun.of("align", "-m", forward.toString(), "--average", "--src", s, "--tgt", t);
        assertEquals(2, alone.exitCode());
        assertTrue(alone.err().contains("--average takes the mean of two models"), alone.err());
        CliRun ibm2 = CliRun.of(
                "align", "--method", "ibm2", "--symmetrize", "intersect", "--average", "--src", s, "--tgt", t);
        assertEquals(2, ibm2.exitCode());
        assertTrue(ibm2.err().contains("--average are for --method attention"), ibm2.err());
    }

    /** The links of nmt align with both models on the test pairs and the given options. */
    private List<List<Link>> linksOfBoth(Object... options) throws IOException {
        List<Object> arguments = new ArrayList<>(List.of("-m", forward, "--reverse-model", reverse));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--src", sources, "--tgt", targets));
        return links(align(arguments.toArray()));
    }

    /** One line's word attention from -m's forced decoding and from the reverse model's. */
    private record BothWays(WordAttention forward, WordAttention backward) {}

    private List<BothWays> forcedBothWays() throws IOException {
        List<String> sourceLines = Files.readAllLines(sources);
        List<String> targetLines = Files.readAllLines(targets);
        List<BothWays> attention = new ArrayList<>();
        try (Translator f = Translator.load(forward);
                Translator r = Translator.load(reverse)) {
            List<Translation> forced = f.forceDecode(sourceLines, targetLines);
            List<Translation> reversed = r.forceDecode(targetLines, sourceLines);
            for (int i = 0; i < forced.size(); i++) {
                attention.add(new BothWays(
                        forced.get(i).wordAttention(), reversed.get(i).wordAttention()));
            }
        }
        return attention;
    }

    @Test
    void goldScoresTheSymmetrisedLinks() throws IOException {
        Object[] twoModels = {
            "-m",
            forward,
            "--reverse-model",
            reverse,
            "--symmetrize",
            "grow-diag-final-and",
            "--src",
            sources,
            "--tgt",
            targets
        };
        String links = align(twoModels);
        Path gold = Files.writeString(dir.resolve("gdfa.gold"), links);
        Path written = dir.resolve("gdfa.txt");
        List<Object> scoring = new ArrayList<>(List.of(twoModels));
        scoring.addAll(List.of("--gold", gold, "--gold-base", "0", "-o", written));
        String scored = align(scoring.toArray());
        assertTrue(scored.startsWith("AER 0.00  precision 100.00  recall 100.00"), scored);
        assertEquals(links, Files.readString(written));
    }

    @Test
    void symmetrizeAndReverseModelGoTogether() {
        String m = forward.toString();
        String r = reverse.toString();
        String s = sources.toString();
        String t = targets.toString();
        CliRun noReverse = CliRun.of("align", "-m", m, "--symmetrize", "intersect", "--src", s, "--tgt", t);
        assertEquals(2, noReverse.exitCode());
        assertTrue(noReverse.err().contains("--reverse-model DIR"), noReverse.err());
        CliRun noHeuristic = CliRun.of("align", "-m", m, "--reverse-model", r, "--src", s, "--tgt", t);
        assertEquals(2, noHeuristic.exitCode());
        assertTrue(noHeuristic.err().contains("--symmetrize HEURISTIC"), noHeuristic.err());
        CliRun ibm2 = CliRun.of("align", "--method", "ibm2", "--reverse-model", r, "--src", s, "--tgt", t);
        assertEquals(2, ibm2.exitCode());
        assertTrue(ibm2.err().contains("--reverse-model and --average are for --method attention"), ibm2.err());
        assertEquals(
                2,
                CliRun.of("align", "-m", m, "--reverse-model", r, "--symmetrize", "both", "--src", s, "--tgt", t)
                        .exitCode());
        String svg = dir.resolve("usage.svg").toString();
        assertEquals(
                2,
                CliRun.of("attention", "-m", m, "--symmetrize", "union", "--src", "the third of May 1999", "-o", svg)
                        .exitCode());
        assertEquals(
                2,
                CliRun.of("attention", "-m", m, "--reverse-model", r, "--src", "the third of May 1999", "-o", svg)
                        .exitCode());
    }

    /** The heatmap outlines every token cell of the kept word links: pieces of the source word × pieces of the target word. */
    @Test
    void theHeatmapOutlinesTheCellsOfTheKeptLinks() throws Exception {
        String source = Files.readAllLines(sources).get(0);
        String target = Files.readAllLines(targets).get(0);
        Path oneSource = Files.writeString(dir.resolve("one.src"), source + "\n");
        Path oneTarget = Files.writeString(dir.resolve("one.tgt"), target + "\n");
        Path svg = dir.resolve("union.svg");
        CliRun run = CliRun.of(
                "attention",
                "-m",
                forward.toString(),
                "--reverse-model",
                reverse.toString(),
                "--symmetrize",
                "union",
                "--src",
                source,
                "--tgt",
                target,
                "-o",
                svg.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Link> kept = links(align(
                        "-m",
                        forward.toString(),
                        "--reverse-model",
                        reverse.toString(),
                        "--symmetrize",
                        "union",
                        "--src",
                        oneSource,
                        "--tgt",
                        oneTarget))
                .get(0);
        Translation tokens;
        try (Translator translator = Translator.load(forward)) {
            tokens = translator.forceDecode(List.of(source), List.of(target)).get(0);
        }
        int expectedCells = 0;
        for (Link link : kept) {
            expectedCells += pieces(tokens.sourceWords(), link.source()) * pieces(tokens.targetWords(), link.target());
        }
        Element root = parseXml(Files.readString(svg));
        assertEquals(expectedCells, rectsOfGroup(root, "marks"));
        assertTrue(root.getTextContent().contains("union keeps"), "the legend names the heuristic");
    }

    /** A report of the model's own translations (not forced) outlines the kept links in every section. */
    @Test
    void theReportOfTheModelsOwnTranslationsOutlinesKeptLinks() throws Exception {
        Path html = dir.resolve("report.html");
        CliRun run = CliRun.of(
                "attention",
                "-m",
                forward.toString(),
                "--reverse-model",
                reverse.toString(),
                "--symmetrize",
                "intersect",
                "-i",
                sources.toString(),
                "-o",
                html.toString());
        assertEquals(0, run.exitCode(), run.err());
        Element root = parseXml(Files.readString(html));
        NodeList sections = root.getElementsByTagName("section");
        assertEquals(Files.readAllLines(sources).size(), sections.getLength());
        int outlined = 0;
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            assertTrue(section.getTextContent().contains("intersect keeps"), "legend of section " + (i + 1));
            outlined += rectsOfGroup(section, "marks");
        }
        assertTrue(outlined > 0, "some links are kept");
    }

    /**
     * Part of the audit of how attention is read: the hard links of the search's own attention
     * (nmt translate --alignments hard) are those of forced decoding of the same translations
     * (nmt align), so row i of the forced matrix is the attention that predicted token i, in
     * every sentence of a batch sorted by length.
     */
    @Test
    void forcedDecodingReadsTheAttentionThatTheSearchUsedForEachToken() throws IOException {
        CliRun translated = CliRun.of(
                "translate", "-m", forward.toString(), "-i", sources.toString(), "-b", "1", "--alignments", "hard");
        assertEquals(0, translated.exitCode(), translated.err());
        List<String> texts = new ArrayList<>();
        List<String> searchLinks = new ArrayList<>();
        for (String line : translated.outLines()) {
            String[] parts = line.split(" \\|\\|\\| ", -1);
            texts.add(parts[0]);
            searchLinks.add(parts[1]);
        }
        Path hypotheses = Files.write(dir.resolve("hypotheses.txt"), texts);
        CliRun forced = CliRun.of(
                "align", "-m", forward.toString(), "--src", sources.toString(), "--tgt", hypotheses.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(searchLinks, List.of(forced.outLines()));
    }

    private static String align(Object... args) {
        String[] strings = new String[args.length + 1];
        strings[0] = "align";
        for (int i = 0; i < args.length; i++) {
            strings[i + 1] = args[i].toString();
        }
        CliRun run = CliRun.of(strings);
        assertEquals(0, run.exitCode(), run.err());
        return run.out();
    }

    private static List<List<Link>> links(String pharaoh) throws IOException {
        Path file = Files.createTempFile(dir, "links", ".txt");
        Files.writeString(file, pharaoh);
        return PharaohFormat.read(file);
    }

    private static int pieces(int[] wordOf, int word) {
        int count = 0;
        for (int w : wordOf) {
            count += w == word ? 1 : 0;
        }
        return count;
    }

    private static Element parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static int rectsOfGroup(Element root, String className) {
        int rects = 0;
        NodeList groups = root.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals(className)) {
                rects += g.getElementsByTagName("rect").getLength();
            }
        }
        return rects;
    }
}
