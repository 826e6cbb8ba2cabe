package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jnmt.align.Link;
import org.jnmt.align.PharaohFormat;
import org.jnmt.api.ModelDirectory;
import org.jnmt.api.TinyModel;
import org.jnmt.data.TextNormalizer;
import org.jnmt.model.Backend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nmt attention, align, evaluate, info and plot on one tiny trained model. */
class ModelCommandsTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainModel() {
        model = TinyModel.train(dir);
    }

    @Test
    void attentionHeatmapOfOneSentenceIsARealImage() throws IOException {
        Path png = dir.resolve("heatmaps/one.png");
        CliRun run =
                CliRun.of("attention", "-m", model.toString(), "--src", "the third of May 1999", "-o", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO reads the PNG back");
        assertTrue(image.getWidth() > 100 && image.getWidth() < 4000, "width " + image.getWidth());
        assertTrue(image.getHeight() > 100 && image.getHeight() < 4000, "height " + image.getHeight());

        Path svg = dir.resolve("forced.svg");
        CliRun forced = CliRun.of(
                "attention",
                "-m",
                model.toString(),
                "--src",
                "the third of May 1999",
                "--tgt",
                "1 9 9 9 - 0 5 - 0 3",
                "-o",
                svg.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertNotNull(parseXml(svg));
        assertTrue(Files.readString(svg).contains("&lt;/s&gt;"), "the tokens, </s> included, label the heatmap");
    }

    @Test
    void attentionReportHasOneHeatmapPerSentence() throws Exception {
        Path sources = dir.resolve("report.src");
        Path targets = dir.resolve("report.tgt");
        Files.write(sources, List.of("the third of May 1999", "", "the first of January 2000"));
        Files.write(targets, List.of("1 9 9 9 - 0 5 - 0 3", "", "2 0 0 0 - 0 1 - 0 1"));
        Path html = dir.resolve("report.html");
        CliRun run = CliRun.of(
                "attention",
                "-m",
                model.toString(),
                "-i",
                sources.toString(),
                "--tgt-file",
                targets.toString(),
                "-o",
                html.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertNotNull(parseXml(html));
        assertEquals(3, Files.readString(html).split("<section", -1).length - 1);

        assertEquals(
                2,
                CliRun.of(
                                "attention",
                                "-m",
                                model.toString(),
                                "-i",
                                sources.toString(),
                                "-o",
                                dir.resolve("report.png").toString())
                        .exitCode());
        assertEquals(
                2,
                CliRun.of(
                                "attention",
                                "-m",
                                model.toString(),
                                "--src",
                                "a",
                                "-i",
                                sources.toString(),
                                "-o",
                                html.toString())
                        .exitCode());
    }

    @Test
    void alignmentsAgainstThemselvesHaveNoErrors() throws IOException {
        Path sources = TinyModel.testSources(dir);
        Path targets = TinyModel.testReferences(dir);
        CliRun run =
                CliRun.of("align", "-m", model.toString(), "--src", sources.toString(), "--tgt", targets.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path pharaoh = dir.resolve("alignments.txt");
        Files.writeString(pharaoh, run.out());
        List<List<Link>> alignments = PharaohFormat.read(pharaoh);
        List<String> sourceLines = Files.readAllLines(sources);
        List<String> targetLines = Files.readAllLines(targets);
        assertEquals(sourceLines.size(), alignments.size());
        for (int i = 0; i < alignments.size(); i++) {
            assertEquals(
                    TextNormalizer.words(targetLines.get(i)).size(),
                    alignments.get(i).size());
            for (Link link : alignments.get(i)) {
                assertTrue(
                        link.source() < TextNormalizer.words(sourceLines.get(i)).size());
            }
        }

        // The model's own alignments as a 1-based gold file (all links sure): AER 0.
        List<String> gold = new ArrayList<>();
        for (List<Link> links : alignments) {
            gold.add(String.join(
                    " ",
                    links.stream()
                            .map(l -> (l.source() + 1) + "-" + (l.target() + 1))
                            .toList()));
        }
        Path goldFile = dir.resolve("self.gold");
        Files.write(goldFile, gold);
        Path written = dir.resolve("scored-alignments.txt");
        CliRun scored = CliRun.of(
                "align",
                "-m",
                model.toString(),
                "--src",
                sources.toString(),
                "--tgt",
                targets.toString(),
                "--gold",
                goldFile.toString(),
                "-o",
                written.toString());
        assertEquals(0, scored.exitCode(), scored.err());
        assertTrue(
                scored.out()
                        .startsWith("AER 0.00  precision 100.00  recall 100.00  (" + alignments.size() + " sentences"),
                scored.out());
        assertEquals(1, scored.outLines().length);
        assertEquals(run.out(), Files.readString(written));

        CliRun zeroBased = CliRun.of(
                "align",
                "-m",
                model.toString(),
                "--src",
                sources.toString(),
                "--tgt",
                targets.toString(),
                "--gold",
                pharaoh.toString(),
                "--gold-base",
                "0");
        assertTrue(zeroBased.out().startsWith("AER 0.00"), zeroBased.out());

        // Move one link of the first sentence: the score drops.
        gold.set(0, gold.get(0).replaceFirst("^(\\d+)-", "99-"));
        Files.write(goldFile, gold);
        CliRun worse = CliRun.of(
                "align",
                "-m",
                model.toString(),
                "--src",
                sources.toString(),
                "--tgt",
                targets.toString(),
                "--gold",
                goldFile.toString());
        assertTrue(worse.out().startsWith("AER ") && !worse.out().startsWith("AER 0.00"), worse.out());
    }

    @Test
    void evaluatePrintsWhatBleuPrintsForTheSameTranslations() throws IOException {
        Path sources = TinyModel.testSources(dir);
        Path references = TinyModel.testReferences(dir);
        Path hypotheses = dir.resolve("hyp.txt");
        CliRun run = CliRun.of(
                "evaluate",
                "-m",
                model.toString(),
                "--src",
                sources.toString(),
                "--ref",
                references.toString(),
                "--beam",
                "2",
                "-o",
                hypotheses.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        CliRun bleu = CliRun.of(
                "bleu", references.toString(), "-i", hypotheses.toString(), "-m", "bleu", "chrf", "-f", "text");
        assertEquals(0, bleu.exitCode(), bleu.err());
        assertEquals(bleu.out(), lines[0] + "\n" + lines[1] + "\n");
        assertTrue(lines[0].strip().startsWith("BLEU|nrefs:1|"), lines[0]);
        assertTrue(Pattern.matches("perplexity \\d+\\.\\d\\d \\([\\d,]+ reference tokens\\)", lines[2]), lines[2]);
        assertTrue(
                Pattern.matches(
                        "speed [\\d.]+ sentences/s, [\\d.]+ target tokens/s \\(30 sentences, [\\d,]+ "
                                + "tokens in [\\d.]+ s; beam 2, batch 32\\)",
                        lines[3]),
                lines[3]);

        CliRun json = CliRun.of(
                "evaluate",
                "-m",
                model.toString(),
                "--src",
                sources.toString(),
                "--ref",
                references.toString(),
                "--beam",
                "2",
                "-f",
                "json");
        assertEquals(0, json.exitCode(), json.err());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode result = mapper.readTree(json.out());
        JsonNode sacrebleu = mapper.readTree(CliRun.of("bleu", references.toString(), "-i", hypotheses.toString())
                .out());
        assertEquals(sacrebleu.get("score").asDouble(), result.get("bleu").asDouble(), 0.0);
        assertEquals(
                sacrebleu.get("signature").asText(),
                result.get("bleu_signature").asText());
        for (String key : List.of("chrf", "perplexity", "sentences_per_second", "tokens_per_second", "seconds")) {
            assertTrue(result.get(key).asDouble() > 0, key + " in " + json.out());
        }
        assertEquals(30, result.get("sentences").asInt());
    }

    @Test
    void infoDescribesTheModelAndItsTraining() {
        CliRun run = CliRun.of("info", "-m", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        Backend.start(2);
        ModelDirectory directory = ModelDirectory.open(model);
        long parameters = directory.parameterCount(directory.pipelines());
        assertTrue(run.out().contains(String.format(Locale.ROOT, "parameters     %,d%n", parameters)), run.out());
        assertTrue(run.out().contains("format         version 1"), run.out());
        assertTrue(run.out().contains("bpe            source 40 merges, target 40 merges"), run.out());
        assertTrue(run.out().contains("weights        best.ckpt"), run.out());
        assertTrue(
                Pattern.compile("training       step \\d+, finished \\(all 2 epochs done\\)")
                        .matcher(run.out())
                        .find(),
                run.out());
        assertTrue(
                Pattern.compile("best dev BLEU  \\d+\\.\\d\\d at step \\d+ \\(2 validations\\)")
                        .matcher(run.out())
                        .find(),
                run.out());
        assertTrue(run.out().contains("config.yaml:\n") && run.out().contains("emb: 16"), run.out());
    }

    @Test
    void infoOnAnotherFormatVersionFailsClearly() throws IOException {
        Path other = dir.resolve("future-model");
        Files.createDirectories(other);
        Files.writeString(other.resolve("model.json"), "{\"format_version\": 99}");
        Files.copy(model.resolve("config.yaml"), other.resolve("config.yaml"));
        CliRun run = CliRun.of("info", "-m", other.toString());
        assertEquals(1, run.exitCode());
        assertEquals(
                "error: " + other + ": model format version 99 is not supported; this jnmt reads version 1\n",
                run.err());
        assertEquals(
                1, CliRun.of("info", "-m", dir.resolve("missing").toString()).exitCode());
    }

    @Test
    void plotDrawsTheCurvesOfTheRun() throws IOException {
        CliRun run = CliRun.of("plot", "-m", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(model.resolve("curves.png").toFile());
        assertEquals(960, image.getWidth());
        assertEquals(540, image.getHeight());
        Path byEpoch = dir.resolve("plots/epochs.png");
        assertEquals(
                0,
                CliRun.of("plot", "-m", model.toString(), "--x", "epoch", "-o", byEpoch.toString())
                        .exitCode());
        assertNotNull(ImageIO.read(byEpoch.toFile()));
        assertEquals(2, CliRun.of("plot", "-m", model.toString(), "--x", "time").exitCode());
        CliRun missing = CliRun.of("plot", "-m", dir.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("metrics file not found"), missing.err());
    }

    private static Object parseXml(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
