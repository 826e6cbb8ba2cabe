package org.jnmt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jnmt.align.AttentionFiles;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;
import org.jnmt.data.LineReader;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmt translate}: one output line per input line, always, streamed: each batch of the lines
 * that have arrived is translated and written at once. A line that is not valid UTF-8 gets an empty
 * output line and a warning, and makes the exit code 1 at the end.
 */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Translate text with a trained model: one sentence per line, from standard input (or -i) to "
                    + "standard output (or -o), each line written as soon as it is translated.",
            "Every input line gets exactly one output line (N with --nbest N), even an empty line or one that is "
                    + "not valid UTF-8 (an empty output line and a warning; the exit code is then 1)."
        })
public class TranslateCommand implements Callable<Integer> {

    /** Input lines read ahead of the translation. */
    private static final int READ_AHEAD = 1024;

    @Mixin
    ModelOption model;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Input text (default: standard input).")
    Path input;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Output file (default: standard output).")
    Path output;

    @Mixin
    DecodingOptions decoding;

    @Option(
            names = {"-n", "--nbest"},
            paramLabel = "N",
            description = "Write the N best translations of each line as 'ID ||| TRANSLATION ||| SCORE' (ID from 0).")
    Integer nBest;

    @Option(
            names = "--alignments",
            paramLabel = "FORM",
            defaultValue = "none",
            description =
                    "Append ' ||| ' and the word alignment (${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}): "
                            + "hard, Pharaoh SRC-TGT word indices from 0; soft, each target word's weights over the source words.")
    TranslationFormat.Alignments alignments;

    @Option(
            names = "--attention-out",
            paramLabel = "DIR",
            description = "Write the attention of input line N (from 1) to DIR/N.json and DIR/N.npy.")
    Path attentionOut;

    @Option(
            names = "--prefix-file",
            paramLabel = "FILE",
            description = "Line N of FILE starts the translation of input line N (forced, then decoding goes on: "
                    + "prefix-constrained decoding); an empty line leaves its input line free.")
    Path prefixFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The lines of --prefix-file, or null. */
    private List<String> prefixes;

    @Override
    public Integer call() {
        TranslationFormat format = new TranslationFormat(nBest == null ? 0 : nBest, alignments);
        long badLines = 0;
        prefixes = prefixFile == null ? null : LineReader.readAll(prefixFile);
        try (LineBatches batches = new LineBatches(TextStreams.input(input), READ_AHEAD);
                Translator translator = model.load();
                Writer out = TextStreams.output(output, spec.commandLine())) {
            TranslationOptions options = decoding.apply(translator.defaults(), nBest == null ? 1 : nBest);
            for (List<LineReader.Line> lines = batches.next(options.batchSize());
                    !lines.isEmpty();
                    lines = batches.next(options.batchSize())) {
                badLines += translate(translator, options, lines, format, out);
            }
        } catch (IOException e) {
            throw new NmtException(
                    (output == null ? "<stdout>" : output.toString()) + ": cannot write: " + e.getMessage(), e);
        }
        if (badLines > 0) {
            throw new NmtException(
                    badLines + " input line(s) were not valid UTF-8 and were translated as empty lines.");
        }
        return 0;
    }

    /** Translates one batch and writes its lines; returns the number of lines that were not valid UTF-8. */
    private int translate(
            Translator translator,
            TranslationOptions options,
            List<LineReader.Line> lines,
            TranslationFormat format,
            Writer out)
            throws IOException {
        List<String> sentences = new ArrayList<>(lines.size());
        int bad = 0;
        for (LineReader.Line line : lines) {
            if (!line.valid()) {
                warn(line.number(), "invalid UTF-8 byte sequence; its translation is an empty line");
                bad++;
            }
            sentences.add(line.valid() ? line.text() : "");
        }
        List<List<Translation>> results = translator.translateNBest(sentences, prefixesOf(lines), options);
        for (int i = 0; i < lines.size(); i++) {
            long number = lines.get(i).number();
            Translation best = results.get(i).get(0);
            if (best.truncated()) {
                warn(number, "translation cut at " + best.targetTokens().size() + " tokens");
            }
            if (attentionOut != null) {
                AttentionFiles.write(
                        attentionOut,
                        Math.toIntExact(number),
                        new AttentionMatrix(best.sourceTokens(), best.targetTokens(), best.attention()));
            }
            for (String text : format.lines(number - 1, results.get(i))) {
                out.write(text);
                out.write('\n');
            }
        }
        out.flush();
        return bad;
    }

    /** The prefixes of a batch of input lines (null without --prefix-file). */
    private List<String> prefixesOf(List<LineReader.Line> lines) {
        if (prefixes == null) {
            return null;
        }
        List<String> batch = new ArrayList<>(lines.size());
        for (LineReader.Line line : lines) {
            if (line.number() > prefixes.size()) {
                throw new NmtException(prefixFile + ": has " + prefixes.size() + " lines but the input has more (line "
                        + line.number() + ").");
            }
            batch.add(prefixes.get(Math.toIntExact(line.number() - 1)));
        }
        return batch;
    }

    private void warn(long lineNumber, String message) {
        Console.warn((input == null ? LineReader.STDIN : input) + ":" + lineNumber + ": " + message);
    }
}
