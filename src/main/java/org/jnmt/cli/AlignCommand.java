package org.jnmt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jnmt.align.AlignmentScore;
import org.jnmt.align.DiagonalAlignment;
import org.jnmt.align.GoldAlignment;
import org.jnmt.align.GoldReader;
import org.jnmt.align.Ibm2Aligner;
import org.jnmt.align.Ibm2Aligner.Direction;
import org.jnmt.align.Ibm2Settings;
import org.jnmt.align.IndexedCorpus;
import org.jnmt.align.LengthBandScores;
import org.jnmt.align.Link;
import org.jnmt.align.PharaohFormat;
import org.jnmt.align.WordAttention;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.data.TextNormalizer;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmt align}: word alignments of sentence pairs, from the attention of forced decoding (each
 * target word linked to the source word it attends to most; with a tgt→src model too, both
 * directions symmetrised) or from fast_align's IBM Model 2 trained on the pairs, and their error
 * rate against a gold alignment.
 */
@Command(
        name = "align",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Word-align sentence pairs. Writes Pharaoh lines 'SRC-TGT ...' (0-based word indices), one "
                    + "per pair, to -o or standard output.",
            "--method attention (the default) forced-decodes --tgt with the model -m and links each target word "
                    + "to the source word it attends to most. With --reverse-model (a tgt->src model, which "
                    + "forced-decodes --src given --tgt) and --symmetrize, both directions' links combined.",
            "--method ibm2 needs no model: it trains fast_align's IBM Model 2 (diagonal favoured, tension "
                    + "learnt, Dirichlet prior: fast_align -d -o -v) by EM on the whitespace-separated words of "
                    + "--src/--tgt (plus --train-src/--train-tgt) and writes its src->tgt links, or with "
                    + "--symmetrize both directions' links combined.",
            "--method diagonal needs no model either: the baseline that links each target word to the source "
                    + "word at the same relative position.",
            "With --gold, prints 'AER ...  precision ...  recall ...' (Och and Ney 2003, in percent) to "
                    + "standard output instead, and writes the alignments only if -o is given."
        })
public class AlignCommand implements Callable<Integer> {

    /** Sentence pairs forced-decoded at a time, so that memory does not grow with the corpus. */
    private static final int CHUNK = 512;

    /** Options that only --method ibm2 reads. */
    private static final List<String> IBM2_ONLY = List.of(
            "--reverse",
            "--train-src",
            "--train-tgt",
            "--lowercase",
            "--iterations",
            "--p0",
            "--tension",
            "--fixed-tension",
            "--alpha");

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            defaultValue = "attention",
            description = "Where the links come from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AlignMethod method;

    @Option(
            names = {"-m", "--model"},
            paramLabel = "DIR",
            description = "The model directory (what 'nmt train --out DIR' wrote); for --method attention.")
    Path modelDir;

    @Option(names = "--src", required = true, paramLabel = "FILE", description = "Source sentences, one per line.")
    Path sourceFile;

    @Option(names = "--tgt", required = true, paramLabel = "FILE", description = "Their translations, line by line.")
    Path targetFile;

    @Option(
            names = "--threshold",
            paramLabel = "P",
            defaultValue = "0",
            description = "--method attention: link each target word to every source word it gives at least P of "
                    + "its attention (Marian's --alignment P), in each direction before --symmetrize (with "
                    + "--average, of the mean); 0, the default, links it to the one it attends to most.")
    double threshold;

    @Option(
            names = "--gold",
            paramLabel = "FILE",
            description = "Gold alignments: Pharaoh lines (i-j sure, ipj possible) or NAACL lines (S P).")
    Path goldFile;

    @Option(
            names = "--gold-base",
            paramLabel = "1|0",
            defaultValue = "1",
            description = "Where the word indices of the gold file start (default: ${DEFAULT-VALUE}).")
    int goldBase;

    @Option(
            names = "--by-length",
            description = "With --gold, also the AER of the pairs whose source has 1-10, 11-20, 21-30 and 31+ words.")
    boolean byLength;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where the alignments go.")
    Path output;

    @Mixin
    SymmetrizeOptions twoWay;

    @Mixin
    Ibm2Options ibm2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private AlignmentScore score;
    private LengthBandScores bandScores;
    private List<GoldAlignment> gold;
    private int outOfBounds;

    @Override
    public Integer call() {
        if (goldBase != 0 && goldBase != 1) {
            throw new UsageException("--gold-base is 1 or 0, not " + goldBase + ".");
        }
        checkOptionsFitMethod();
        List<String> sources = TextStreams.readAll(sourceFile);
        List<String> targets = TextStreams.readAll(targetFile);
        TextStreams.requireSameLength(sourceFile, sources, targetFile, targets);
        gold = goldFile == null ? null : GoldReader.read(goldFile, goldBase, sources.size());
        score = new AlignmentScore();
        bandScores = new LengthBandScores();
        // The models load before -o is opened, so that a bad model directory leaves no empty output file.
        int threads = GlobalOptions.of(spec).threads();
        try (Translator translator = method == AlignMethod.ATTENTION ? ModelOption.load(modelDir, threads) : null;
                Translator reverseTranslator = twoWay.loadReverse(threads);
                Writer out = alignmentOutput(gold != null)) {
            switch (method) {
                case ATTENTION -> alignWithAttention(translator, reverseTranslator, sources, targets, out);
                case IBM2 -> alignWithIbm2(sources, targets, out);
                case DIAGONAL -> alignWithDiagonal(sources, targets, out);
            }
        } catch (IOException e) {
            throw new NmtException(
                    (output == null ? "<stdout>" : output.toString()) + ": cannot write: " + e.getMessage(), e);
        }
        if (gold != null) {
            if (outOfBounds > 0) {
                Console.warn(goldFile + ": " + outOfBounds + " gold links point past the end of their sentence and "
                        + "were left out (is --gold-base right?).");
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(score.summary());
            if (byLength) {
                bandScores.lines().forEach(stdout::println);
            }
            stdout.flush();
        }
        return 0;
    }

    private void checkOptionsFitMethod() {
        if (byLength && goldFile == null) {
            throw new UsageException("--by-length scores against the gold alignment: give --gold FILE.");
        }
        if (method != AlignMethod.ATTENTION
                && spec.commandLine().getParseResult().hasMatchedOption("--threshold")) {
            throw new UsageException("--threshold reads attention: it is an option of --method attention.");
        }
        if (method == AlignMethod.DIAGONAL) {
            if (modelDir != null || twoWay.reverseModelDir != null || twoWay.heuristic != null || twoWay.average) {
                throw new UsageException("--method diagonal uses no model and has one direction: "
                        + "-m, --reverse-model, --symmetrize and --average are for --method attention.");
            }
            rejectIbm2Options();
            return;
        }
        if (method == AlignMethod.ATTENTION) {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new UsageException(
                        "--threshold is a share of a word's attention, in [0, 1], not " + threshold + ".");
            }
            if (modelDir == null) {
                throw new UsageException("--method attention needs the model: -m DIR.");
            }
            twoWay.checkWithModel();
            rejectIbm2Options();
            return;
        }
        if (modelDir != null) {
            throw new UsageException("--method ibm2 trains its own model; -m is for --method attention.");
        }
        if (twoWay.reverseModelDir != null || twoWay.average) {
            throw new UsageException("--method ibm2 trains both directions itself with --symmetrize; "
                    + "--reverse-model and --average are for --method attention.");
        }
        if ((ibm2.trainSource == null) != (ibm2.trainTarget == null)) {
            throw new UsageException("--train-src and --train-tgt go together.");
        }
        if (ibm2.reverse && twoWay.heuristic != null) {
            throw new UsageException(
                    "--reverse and --symmetrize exclude each other: --symmetrize uses both directions.");
        }
    }

    private void rejectIbm2Options() {
        for (String option : IBM2_ONLY) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UsageException(option + " is an option of --method ibm2.");
            }
        }
    }

    /** The diagonal baseline on the whitespace-separated words of each pair. */
    private void alignWithDiagonal(List<String> sources, List<String> targets, Writer out) throws IOException {
        for (int i = 0; i < sources.size(); i++) {
            int sourceWords = TextNormalizer.words(sources.get(i)).size();
            int targetWords = TextNormalizer.words(targets.get(i)).size();
            emit(out, i, DiagonalAlignment.links(sourceWords, targetWords), sourceWords, targetWords);
        }
    }

    /**
     * Forced decoding with the src→tgt model; with a tgt→src model too, that model forced-decodes
     * each source given its target, and the two hard alignments are symmetrised.
     */
    private void alignWithAttention(
            Translator translator, Translator reverse, List<String> sources, List<String> targets, Writer out)
            throws IOException {
        for (int start = 0; start < sources.size(); start += CHUNK) {
            int end = Math.min(sources.size(), start + CHUNK);
            List<Translation> pairs = translator.forceDecode(sources.subList(start, end), targets.subList(start, end));
            List<Set<Link>> symmetrized = reverse == null ? null : twoWay.symmetrized(reverse, pairs, threshold);
            for (int i = 0; i < pairs.size(); i++) {
                WordAttention words = pairs.get(i).wordAttention();
                Collection<Link> links = symmetrized == null ? words.alignment(threshold) : symmetrized.get(i);
                emit(out, start + i, links, words.sourceWords(), words.targetWords());
            }
        }
    }

    /** Trains on --src/--tgt and the --train-* pairs after them, then aligns the --src/--tgt pairs. */
    private void alignWithIbm2(List<String> sources, List<String> targets, Writer out) throws IOException {
        Ibm2Settings settings = ibm2.settings();
        List<String> trainSources = new ArrayList<>(sources);
        List<String> trainTargets = new ArrayList<>(targets);
        if (ibm2.trainSource != null) {
            List<String> moreSources = TextStreams.readAll(ibm2.trainSource);
            List<String> moreTargets = TextStreams.readAll(ibm2.trainTarget);
            TextStreams.requireSameLength(ibm2.trainSource, moreSources, ibm2.trainTarget, moreTargets);
            trainSources.addAll(moreSources);
            trainTargets.addAll(moreTargets);
        }
        IndexedCorpus corpus = IndexedCorpus.of(trainSources, trainTargets, ibm2.lowercase);
        Ibm2Aligner aligner = new Ibm2Aligner(
                settings,
                (direction, iteration) -> Console.info(String.format(
                        Locale.ROOT,
                        "ibm2 %s iteration %d/%d: perplexity %.2f, tension %.3f, %,d pairs in %.2f s (%,.0f pairs/s)",
                        direction,
                        iteration.iteration(),
                        settings.iterations(),
                        iteration.perplexity(),
                        iteration.tension(),
                        iteration.pairs(),
                        iteration.seconds(),
                        iteration.pairsPerSecond())));
        List<? extends Collection<Link>> alignments = twoWay.heuristic != null
                ? aligner.symmetrized(
                        corpus,
                        sources.size(),
                        twoWay.heuristic,
                        GlobalOptions.of(spec).threads())
                : aligner.align(
                        corpus, sources.size(), ibm2.reverse ? Direction.TARGET_TO_SOURCE : Direction.SOURCE_TO_TARGET);
        for (int s = 0; s < sources.size(); s++) {
            emit(out, s, alignments.get(s), corpus.sources()[s].length, corpus.targets()[s].length);
        }
    }

    /** Writes the links of pair {@code index} and scores them if there is a gold alignment. */
    private void emit(Writer out, int index, Collection<Link> links, int sourceWords, int targetWords)
            throws IOException {
        out.write(PharaohFormat.format(links));
        out.write('\n');
        if (gold != null) {
            GoldAlignment reference = gold.get(index);
            outOfBounds += reference.outOfBounds(sourceWords, targetWords);
            GoldAlignment inBounds = reference.withinBounds(sourceWords, targetWords);
            score.add(links, inBounds);
            bandScores.add(links, inBounds, sourceWords);
        }
    }

    /** -o; else standard output, unless it carries the scores. */
    private Writer alignmentOutput(boolean scoring) {
        if (output == null && scoring) {
            return Writer.nullWriter();
        }
        return TextStreams.output(output, spec.commandLine());
    }
}
