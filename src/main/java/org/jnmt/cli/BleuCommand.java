package org.jnmt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.jnmt.eval.Bleu;
import org.jnmt.eval.BleuSettings;
import org.jnmt.eval.Chrf;
import org.jnmt.eval.ChrfSettings;
import org.jnmt.eval.MetricScore;
import org.jnmt.eval.ScoreFormat;
import org.jnmt.eval.SegmentReader;
import org.jnmt.eval.Signature;
import org.jnmt.eval.SmoothingMethod;
import org.jnmt.eval.TokenizerName;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nmt bleu REF [REF...] -i HYP}: corpus (or sentence) BLEU and chrF with sacreBLEU 2.6.0's
 * options and output, so that either tool can replace the other in a script.
 */
@Command(
        name = "bleu",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Scores a hypothesis file against reference files with BLEU and/or chrF exactly as sacreBLEU "
                    + Signature.SACREBLEU_VERSION + " does: same options, numbers and output.",
            "Without -i, or with -i -, the hypothesis is read from standard input."
        })
public class BleuCommand implements Callable<Integer> {

    /** The metrics of {@code --metrics}. */
    enum Metric {
        BLEU,
        CHRF;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** sacreBLEU warns when this many hypotheses end in " .", a sign of tokenized output. */
    private static final int TOKENIZED_PERIOD_WARNING = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "REF",
            arity = "1..*",
            description = "Reference files, one segment per line, UTF-8 (*.gz is decompressed).")
    List<Path> references;

    @Option(
            names = {"-i", "--input"},
            arity = "1..*",
            paramLabel = "HYP",
            description = "The hypothesis file ('-' or none: standard input).")
    List<String> input;

    @Option(
            names = {"-m", "--metrics"},
            arity = "1..*",
            paramLabel = "METRIC",
            defaultValue = "bleu",
            description = "Metrics to compute: ${COMPLETION-CANDIDATES} (default: bleu).")
    List<Metric> metrics;

    @Option(
            names = {"-sl", "--sentence-level"},
            description = "Print one score per segment (one metric only).")
    boolean sentenceLevel;

    @Option(
            names = {"-tok", "--tokenize"},
            paramLabel = "NAME",
            defaultValue = "13a",
            description = "BLEU tokenizer: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TokenizerName tokenize;

    @Option(
            names = {"-lc", "--lowercase"},
            description = "Case-insensitive BLEU.")
    boolean lowercase;

    @Option(
            names = {"-s", "--smooth-method"},
            paramLabel = "METHOD",
            defaultValue = "exp",
            description = "BLEU smoothing: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SmoothingMethod smoothMethod;

    @Option(
            names = {"-sv", "--smooth-value"},
            paramLabel = "V",
            description = "Smoothing value for floor (default 0.1) and add-k (default 1).")
    Double smoothValue;

    @Option(names = "--force", description = "Do not warn about hypotheses that look tokenized.")
    boolean force;

    @Option(
            names = {"-cc", "--chrf-char-order"},
            paramLabel = "N",
            defaultValue = "6",
            description = "chrF character n-gram order (default: ${DEFAULT-VALUE}).")
    int chrfCharOrder;

    @Option(
            names = {"-cw", "--chrf-word-order"},
            paramLabel = "N",
            defaultValue = "0",
            description = "chrF word n-gram order; 2 gives chrF++ (default: ${DEFAULT-VALUE}).")
    int chrfWordOrder;

    @Option(
            names = "--chrf-beta",
            paramLabel = "B",
            defaultValue = "2",
            description = "Weight of recall over precision in chrF (default: ${DEFAULT-VALUE}).")
    int chrfBeta;

    @Option(names = "--chrf-whitespace", description = "Keep whitespace in chrF character n-grams.")
    boolean chrfWhitespace;

    @Option(names = "--chrf-lowercase", description = "Case-insensitive chrF.")
    boolean chrfLowercase;

    @Option(names = "--chrf-eps-smoothing", description = "chrF++.py's epsilon smoothing instead of effective order.")
    boolean chrfEpsSmoothing;

    @Option(
            names = {"-b", "--score-only"},
            description = "Print the score alone.")
    boolean scoreOnly;

    @Option(
            names = {"-w", "--width"},
            paramLabel = "N",
            defaultValue = "1",
            description = "Decimals of the score (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "json",
            description = "Corpus output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, as sacreBLEU).")
    OutputFormat format;

    @Option(
            names = {"-sh", "--short"},
            description = "Abbreviated signature field names.")
    boolean shortSignature;

    @Override
    public Integer call() {
        validateOptions();
        List<List<String>> referenceSets = new ArrayList<>();
        for (Path reference : references) {
            referenceSets.add(SegmentReader.readFile(reference));
        }
        String hypothesisName = hypothesisName();
        List<String> hypotheses = readHypotheses(hypothesisName);
        checkLineCounts(hypothesisName, hypotheses, referenceSets);

        PrintWriter out = spec.commandLine().getOut();
        if (sentenceLevel) {
            printSentenceScores(out, hypotheses, referenceSets);
        } else {
            out.println(corpusScores(hypotheses, referenceSets));
        }
        out.flush();
        return 0;
    }

    private void validateOptions() {
        if (width < 0) {
            throw new UsageException("--width must be 0 or more, got " + width + ".");
        }
        if (input != null && input.size() > 1) {
            throw new UsageException(
                    "give one hypothesis file to -i (references come before -i), got " + input.size() + ".");
        }
        if (sentenceLevel && metrics.stream().distinct().count() > 1) {
            throw new UsageException("only one metric can be used with --sentence-level.");
        }
        if (chrfCharOrder < 0 || chrfWordOrder < 0 || chrfCharOrder + chrfWordOrder == 0) {
            throw new UsageException("chrF needs a positive --chrf-char-order or --chrf-word-order.");
        }
    }

    private String hypothesisName() {
        return input == null || input.get(0).equals("-") ? "<stdin>" : input.get(0);
    }

    private List<String> readHypotheses(String name) {
        List<String> hypotheses = name.equals("<stdin>")
                ? SegmentReader.readStream(System.in, name)
                : SegmentReader.readFile(Path.of(name));
        if (hypotheses.isEmpty()) {
            throw new NmtException(name + " has no lines; there is nothing to score.");
        }
        for (int i = 0; i < hypotheses.size(); i++) {
            if (name.equals("<stdin>") && hypotheses.get(i).indexOf('\t') >= 0) {
                throw new NmtException(name + ":" + (i + 1) + ": a tab in a hypothesis read from standard input"
                        + " (sacreBLEU would read tab-separated systems); pass the file with -i instead.");
            }
        }
        return hypotheses;
    }

    private void checkLineCounts(String hypothesisName, List<String> hypotheses, List<List<String>> referenceSets) {
        for (int i = 0; i < referenceSets.size(); i++) {
            int count = referenceSets.get(i).size();
            if (count != hypotheses.size()) {
                throw new NmtException("The hypothesis " + hypothesisName + " has " + lines(hypotheses.size())
                        + " but the reference " + references.get(i) + " has " + lines(count)
                        + "; they need one line per segment.");
            }
        }
    }

    private static String lines(int count) {
        return count + (count == 1 ? " line" : " lines");
    }

    private BleuSettings bleuSettings() {
        return new BleuSettings(tokenize, lowercase, smoothMethod, smoothValue, sentenceLevel);
    }

    private ChrfSettings chrfSettings() {
        return new ChrfSettings(
                chrfCharOrder, chrfWordOrder, chrfBeta, chrfLowercase, chrfWhitespace, chrfEpsSmoothing);
    }

    /** sacreBLEU prints the metrics in the order of their upper-case names: BLEU, then chrF. */
    private String corpusScores(List<String> hypotheses, List<List<String>> referenceSets) {
        boolean json = format == OutputFormat.JSON;
        int referenceCount = referenceSets.size();
        List<String> results = new ArrayList<>();
        if (metrics.contains(Metric.BLEU)) {
            warnIfTokenized(hypotheses);
            Bleu bleu = new Bleu(bleuSettings());
            results.add(format(bleu.corpusScore(hypotheses, referenceSets), bleu.signature(referenceCount), json));
        }
        if (metrics.contains(Metric.CHRF)) {
            Chrf chrf = new Chrf(chrfSettings());
            results.add(format(chrf.corpusScore(hypotheses, referenceSets), chrf.signature(referenceCount), json));
        }
        return ScoreFormat.combine(results, json);
    }

    private String format(MetricScore score, Signature signature, boolean json) {
        if (scoreOnly) {
            return ScoreFormat.scoreOnly(score, width);
        }
        return json
                ? ScoreFormat.json(score, signature, width)
                : ScoreFormat.text(score, signature.format(shortSignature), width);
    }

    /** One text line per segment, whatever --format says, as sacreBLEU prints them. */
    private void printSentenceScores(PrintWriter out, List<String> hypotheses, List<List<String>> referenceSets) {
        BiFunction<String, List<String>, MetricScore> scorer;
        Signature signature;
        if (metrics.get(0) == Metric.BLEU) {
            Bleu bleu = new Bleu(bleuSettings());
            scorer = bleu::sentenceScore;
            signature = bleu.signature(referenceSets.size());
        } else {
            Chrf chrf = new Chrf(chrfSettings());
            scorer = chrf::sentenceScore;
            signature = chrf.signature(referenceSets.size());
        }
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> segmentReferences = new ArrayList<>();
            for (List<String> set : referenceSets) {
                segmentReferences.add(set.get(i));
            }
            MetricScore score = scorer.apply(hypotheses.get(i), segmentReferences);
            out.println(
                    scoreOnly
                            ? ScoreFormat.scoreOnly(score, width)
                            : ScoreFormat.text(score, signature.format(shortSignature), width));
        }
    }

    private void warnIfTokenized(List<String> hypotheses) {
        long tokenizedPeriods =
                hypotheses.stream().filter(h -> h.endsWith(" .")).count();
        if (!force && tokenizedPeriods >= TOKENIZED_PERIOD_WARNING) {
            Console.warn(tokenizedPeriods + " hypotheses end in a tokenized period (' .'); BLEU expects "
                    + "detokenized text (--force silences this).");
        }
    }
}
