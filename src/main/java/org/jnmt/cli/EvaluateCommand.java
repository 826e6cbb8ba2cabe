package org.jnmt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;
import org.jnmt.eval.Bleu;
import org.jnmt.eval.BleuSettings;
import org.jnmt.eval.Chrf;
import org.jnmt.eval.ChrfSettings;
import org.jnmt.eval.MetricScore;
import org.jnmt.eval.PythonStrings;
import org.jnmt.eval.ScoreFormat;
import org.jnmt.eval.SegmentReader;
import org.jnmt.eval.Signature;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmt evaluate}: translates a test set and reports BLEU and chrF against its references
 * (sacreBLEU's numbers and lines, as {@code nmt bleu} prints them), the model's perplexity on the
 * references, and the translation speed.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Translate a test set and score it: BLEU and chrF2 against the references (the lines "
                    + "'nmt bleu REF -i HYP -m bleu chrf -f text' prints for the same translations), the perplexity "
                    + "of the model on the references, and the speed (sentences and target tokens per second of "
                    + "wall-clock translation time)."
        })
public class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--src", required = true, paramLabel = "FILE", description = "Source sentences, one per line.")
    Path sourceFile;

    @Option(
            names = "--ref",
            required = true,
            paramLabel = "FILE",
            description = "Reference translations (detokenised plain text), line by line.")
    Path referenceFile;

    @Mixin
    DecodingOptions decoding;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output form: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(
            names = {"-w", "--width"},
            paramLabel = "N",
            defaultValue = "1",
            description = "Decimals of BLEU and chrF, as sacreBLEU's -w (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "HYP",
            description = "Also write the translations here.")
    Path output;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** What was measured. */
    private record Speed(int sentences, long targetTokens, double seconds) {
        double sentencesPerSecond() {
            return sentences / seconds;
        }

        double tokensPerSecond() {
            return targetTokens / seconds;
        }
    }

    @Override
    public Integer call() {
        if (width < 0) {
            throw new UsageException("--width must be 0 or more, got " + width + ".");
        }
        List<String> sources = TextStreams.readAll(sourceFile);
        List<String> references = SegmentReader.readFile(referenceFile);
        TextStreams.requireSameLength(sourceFile, sources, referenceFile, references);
        if (sources.isEmpty()) {
            throw new NmtException(sourceFile + " has no lines; there is nothing to evaluate.");
        }
        List<String> hypotheses = new ArrayList<>(sources.size());
        TranslationOptions options;
        Speed speed;
        double perplexity;
        long referenceTokens;
        try (Translator translator = model.load()) {
            options = decoding.apply(translator.defaults(), 1);
            long start = System.nanoTime();
            List<Translation> translations = translator.translate(sources, options);
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            long tokens = 0;
            int truncated = 0;
            for (Translation t : translations) {
                hypotheses.add(t.text());
                tokens += t.targetTokens().size();
                truncated += t.truncated() ? 1 : 0;
            }
            if (truncated > 0) {
                Console.warn(truncated + " translation(s) were cut at the maximum output length.");
            }
            speed = new Speed(sources.size(), tokens, seconds);
            double[] likelihood = translator.referenceLikelihood(sources, references);
            perplexity = Math.exp(likelihood[0] / likelihood[1]);
            referenceTokens = (long) likelihood[1];
        }
        if (output != null) {
            writeHypotheses(hypotheses);
        }
        List<String> segments = hypotheses.stream().map(PythonStrings::rstrip).toList();
        Bleu bleu = new Bleu(BleuSettings.defaults());
        Chrf chrf = new Chrf(ChrfSettings.defaults());
        MetricScore bleuScore = bleu.corpusScore(segments, List.of(references));
        MetricScore chrfScore = chrf.corpusScore(segments, List.of(references));
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            ObjectNode json = new ObjectMapper().createObjectNode();
            putScore(json, "bleu", bleuScore, bleu.signature(1));
            putScore(json, "chrf", chrfScore, chrf.signature(1));
            json.put("perplexity", perplexity)
                    .put("reference_tokens", referenceTokens)
                    .put("sentences", speed.sentences())
                    .put("target_tokens", speed.targetTokens())
                    .put("seconds", speed.seconds())
                    .put("sentences_per_second", speed.sentencesPerSecond())
                    .put("tokens_per_second", speed.tokensPerSecond())
                    .put("beam", options.beam())
                    .put("batch_size", options.batchSize());
            out.println(json.toPrettyString());
        } else {
            out.println(ScoreFormat.combine(
                    List.of(
                            ScoreFormat.text(bleuScore, bleu.signature(1).format(false), width),
                            ScoreFormat.text(chrfScore, chrf.signature(1).format(false), width)),
                    false));
            out.printf(Locale.ROOT, "perplexity %.2f (%,d reference tokens)%n", perplexity, referenceTokens);
            out.printf(
                    Locale.ROOT,
                    "speed %.1f sentences/s, %.1f target tokens/s (%,d sentences, %,d tokens in %.2f s; "
                            + "beam %d, batch %d)%n",
                    speed.sentencesPerSecond(),
                    speed.tokensPerSecond(),
                    speed.sentences(),
                    speed.targetTokens(),
                    speed.seconds(),
                    options.beam(),
                    options.batchSize());
        }
        out.flush();
        return 0;
    }

    /** The score as sacreBLEU's JSON gives it (rounded to --width), with its signature and details. */
    private void putScore(ObjectNode json, String name, MetricScore score, Signature signature) {
        json.put(name, Double.parseDouble(ScoreFormat.scoreOnly(score, width)));
        json.put(name + "_signature", signature.format(false));
        if (!score.verbose().isEmpty()) {
            json.put(name + "_verbose", score.verbose());
        }
    }

    private void writeHypotheses(List<String> hypotheses) {
        try (Writer writer = TextStreams.output(output, spec.commandLine())) {
            for (String hypothesis : hypotheses) {
                writer.write(hypothesis);
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new NmtException(output + ": cannot write: " + e.getMessage(), e);
        }
    }
}
