package org.jnmt.cli;

import org.jnmt.align.AlignmentScore;
import org.jnmt.align.GoldAlignment;
import org.jnmt.align.GoldReader;
import org.jnmt.align.Link;
import org.jnmt.align.PharaohFormat;
import org.jnmt.align.WordAttention;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code nmt align}: word alignments of sentence pairs from the attention of forced decoding, each
 * target word linked to the source word it attends to most, and their error rate against a gold
 * alignment.
 */
@Command(name = "align", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Word-align sentence pairs with the model's attention (forced decoding of --tgt): each target "
                + "word is linked to the source word it attends to most. Writes Pharaoh lines 'SRC-TGT ...' "
                + "(0-based word indices), one per pair, to -o or standard output.",
                "With --gold, prints 'AER ...  precision ...  recall ...' (Och and Ney 2003, in percent) to "
                        + "standard output instead, and writes the alignments only if -o is given."})
public class AlignCommand implements Callable<Integer> {

    /** Sentence pairs forced-decoded at a time, so that memory does not grow with the corpus. */
    private static final int CHUNK = 512;

    @Mixin
    ModelOption model;

    @Option(names = "--src", required = true, paramLabel = "FILE", description = "Source sentences, one per line.")
    Path sourceFile;

    @Option(names = "--tgt", required = true, paramLabel = "FILE", description = "Their translations, line by line.")
    Path targetFile;

    @Option(names = "--gold", paramLabel = "FILE",
            description = "Gold alignments: Pharaoh lines (i-j sure, ipj possible) or NAACL lines (S P).")
    Path goldFile;

    @Option(names = "--gold-base", paramLabel = "1|0", defaultValue = "1",
            description = "Where the word indices of the gold file start (default: ${DEFAULT-VALUE}).")
    int goldBase;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where the alignments go.")
    Path output;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (goldBase != 0 && goldBase != 1) {
            throw new UsageException("--gold-base is 1 or 0, not " + goldBase + ".");
        }
        List<String> sources = TextStreams.readAll(sourceFile);
        List<String> targets = TextStreams.readAll(targetFile);
        TextStreams.requireSameLength(sourceFile, sources, targetFile, targets);
        List<GoldAlignment> gold = goldFile == null ? null : GoldReader.read(goldFile, goldBase, sources.size());
        AlignmentScore score = new AlignmentScore();
        int outOfBounds = 0;
        try (Translator translator = model.load(); Writer out = alignmentOutput(gold != null)) {
            for (int start = 0; start < sources.size(); start += CHUNK) {
                int end = Math.min(sources.size(), start + CHUNK);
                List<Translation> pairs = translator.forceDecode(sources.subList(start, end), targets.subList(start, end));
                for (int i = 0; i < pairs.size(); i++) {
                    WordAttention words = pairs.get(i).wordAttention();
                    List<Link> links = words.hardAlignment();
                    out.write(PharaohFormat.format(links));
                    out.write('\n');
                    if (gold != null) {
                        GoldAlignment reference = gold.get(start + i);
                        outOfBounds += reference.outOfBounds(words.sourceWords(), words.targetWords());
                        score.add(links, reference.withinBounds(words.sourceWords(), words.targetWords()));
                    }
                }
            }
        } catch (IOException e) {
            throw new NmtException((output == null ? "<stdout>" : output.toString()) + ": cannot write: "
                    + e.getMessage(), e);
        }
        if (gold != null) {
            if (outOfBounds > 0) {
                Console.warn(goldFile + ": " + outOfBounds + " gold links point past the end of their sentence and "
                        + "were left out (is --gold-base right?).");
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(score.summary());
            stdout.flush();
        }
        return 0;
    }

    /** -o; else standard output, unless it carries the scores. */
    private Writer alignmentOutput(boolean scoring) {
        if (output == null && scoring) {
            return Writer.nullWriter();
        }
        return TextStreams.output(output, spec.commandLine());
    }
}
