package org.jnmt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.align.Link;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import org.jnmt.viz.HeatmapMarks;
import org.jnmt.viz.HeatmapOptions;
import org.jnmt.viz.HeatmapPng;
import org.jnmt.viz.HeatmapReport;
import org.jnmt.viz.HeatmapSvg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmt attention}: attention heatmaps, source tokens in columns and target tokens in rows, of
 * the model's translation or, with a given translation, of forced decoding; with a model of the
 * other direction, the cells of the word links that the symmetrised alignment keeps are outlined.
 */
@Command(
        name = "attention",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Draw attention heatmaps: source tokens in columns, target tokens in rows.",
            "One sentence (--src, with --tgt to draw the attention while the model reads that translation "
                    + "instead of its own) to a PNG, SVG or HTML file; or every line of a file (-i, with "
                    + "--tgt-file for given translations) to one HTML report.",
            "With --reverse-model DIR (a tgt->src model) and --symmetrize HEURISTIC, the cells of the word links "
                    + "that the symmetrised alignment of both directions' attention keeps are outlined."
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

    @Mixin
    SymmetrizeOptions twoWay;

    @Spec
    CommandSpec spec;

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
        List<Set<Link>> kept = null;
        try (Translator translator = model.load();
                Translator reverse = twoWay.loadReverse(GlobalOptions.of(spec).threads())) {
            TranslationOptions options = decoding.apply(translator.defaults(), 1);
            translations =
                    targets == null ? translator.translate(sources, options) : translator.forceDecode(sources, targets);
            if (reverse != null) {
                kept = twoWay.symmetrized(reverse, translations, 0); // the hard links, as drawn
            }
        }
        List<HeatmapReport.Entry> entries = new ArrayList<>(translations.size());
        for (int i = 0; i < translations.size(); i++) {
            entries.add(entry(translations.get(i), kept == null ? null : kept.get(i)));
        }
        if (source != null) {
            if (translations.get(0).isEmpty()) {
                throw new NmtException("the source sentence is empty; there is no attention to draw.");
            }
            HeatmapReport.Entry entry = entries.get(0);
            HeatmapOptions drawing = HeatmapOptions.defaults(entry.attention()).withMarks(entry.marks());
            switch (kind) {
                case "png" -> HeatmapPng.write(output, entry.attention(), drawing);
                case "svg" -> HeatmapSvg.write(output, entry.attention(), drawing);
                default -> HeatmapReport.write(output, "Attention", entries);
            }
        } else {
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
        twoWay.checkWithModel();
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

    /** The heatmap of a translation, with the cells of the {@code kept} word links outlined unless that is null. */
    private HeatmapReport.Entry entry(Translation t, Set<Link> kept) {
        AttentionMatrix matrix = new AttentionMatrix(t.sourceTokens(), t.targetTokens(), t.attention());
        HeatmapMarks marks =
                kept == null ? null : HeatmapMarks.ofWordLinks(kept, t.sourceWords(), t.targetWords(), twoWay.legend());
        return new HeatmapReport.Entry(t.source(), t.text(), matrix, marks);
    }
}
