package org.jnmt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import org.jnmt.viz.HeatmapOptions;
import org.jnmt.viz.HeatmapPng;
import org.jnmt.viz.HeatmapReport;
import org.jnmt.viz.HeatmapSvg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nmt attention}: attention heatmaps, source tokens in columns and target tokens in rows, of
 * the model's translation or, with a given translation, of forced decoding.
 */
@Command(
        name = "attention",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Draw attention heatmaps: source tokens in columns, target tokens in rows.",
            "One sentence (--src, with --tgt to draw the attention while the model reads that translation "
                    + "instead of its own) to a PNG, SVG or HTML file; or every line of a file (-i, with "
                    + "--tgt-file for given translations) to one HTML report."
        })
public class AttentionCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = "--src", paramLabel = "SENTENCE", description = "The source sentence.")
    String source;

    @Option(
            names = "--tgt",
            paramLabel = "SENTENCE",
            description = "Its translation (forced decoding); " + "default: the model's translation.")
    String target;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Source sentences, one per line.")
    Path input;

    @Option(
            names = "--tgt-file",
            paramLabel = "FILE",
            description = "Their translations, line by line (forced decoding).")
    Path targetFile;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "FILE.png, FILE.svg or FILE.html (-i: an HTML report).")
    Path output;

    @Mixin
    DecodingOptions decoding;

    @Override
    public Integer call() {
        String kind = checkOptions();
        List<String> sources = source != null ? List.of(source) : TextStreams.readAll(input);
        List<String> targets =
                target != null ? List.of(target) : targetFile != null ? TextStreams.readAll(targetFile) : null;
        if (targets != null && input != null) {
            TextStreams.requireSameLength(input, sources, targetFile, targets);
        }
        List<Translation> translations;
        try (Translator translator = model.load()) {
            TranslationOptions options = decoding.apply(translator.defaults(), 1);
            translations =
                    targets == null ? translator.translate(sources, options) : translator.forceDecode(sources, targets);
        }
        if (source != null) {
            Translation t = translations.get(0);
            if (t.isEmpty()) {
                throw new NmtException("the source sentence is empty; there is no attention to draw.");
            }
            AttentionMatrix matrix = matrix(t);
            switch (kind) {
                case "png" -> HeatmapPng.write(output, matrix, HeatmapOptions.defaults(matrix));
                case "svg" -> HeatmapSvg.write(output, matrix, HeatmapOptions.defaults(matrix));
                default -> HeatmapReport.write(output, "Attention", List.of(entry(t)));
            }
        } else {
            List<HeatmapReport.Entry> entries = new ArrayList<>(translations.size());
            for (Translation t : translations) {
                entries.add(entry(t));
            }
            HeatmapReport.write(output, "Attention: " + input.getFileName(), entries);
        }
        Console.info("attention: wrote " + output);
        return 0;
    }

    /** Checks the combination of options; returns the output kind: png, svg or html. */
    private String checkOptions() {
        if ((source == null) == (input == null)) {
            throw new UsageException("give either --src SENTENCE or -i FILE.");
        }
        if (target != null && source == null) {
            throw new UsageException("--tgt goes with --src; with -i FILE, give the translations with --tgt-file.");
        }
        if (targetFile != null && input == null) {
            throw new UsageException("--tgt-file goes with -i; with --src, give the translation with --tgt.");
        }
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind = name.substring(name.lastIndexOf('.') + 1);
        if (input != null && !kind.equals("html")) {
            throw new UsageException("with -i the output is an HTML report; name it FILE.html, not " + output + ".");
        }
        if (!List.of("png", "svg", "html").contains(kind)) {
            throw new UsageException("the output must be FILE.png, FILE.svg or FILE.html, not " + output + ".");
        }
        return kind;
    }

    private static AttentionMatrix matrix(Translation t) {
        return new AttentionMatrix(t.sourceTokens(), t.targetTokens(), t.attention());
    }

    private static HeatmapReport.Entry entry(Translation t) {
        return new HeatmapReport.Entry(t.source(), t.text(), matrix(t));
    }
}
