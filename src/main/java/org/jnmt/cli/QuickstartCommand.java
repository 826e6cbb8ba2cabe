package org.jnmt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.api.ModelDirectory;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.eval.Bleu;
import org.jnmt.eval.BleuSettings;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.quickstart.DateCorpus;
import org.jnmt.train.Trainer;
import org.jnmt.util.Console;
import org.jnmt.viz.HeatmapOptions;
import org.jnmt.viz.HeatmapPng;
import org.jnmt.viz.HeatmapReport;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmt quickstart}: the offline demonstration. Generates a synthetic corpus of dates written
 * out in words in several styles with their ISO forms (a translation that needs reordering), trains
 * a small model on it for about two minutes, measures its exact-match accuracy and BLEU on held-out
 * dates, translates a few and draws their attention.
 */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description = {
            "Offline demo: generate a synthetic corpus (dates in words -> ISO dates), train a small "
                    + "model on it (about two minutes on 2 cores), evaluate it on held-out dates, translate a few "
                    + "and draw attention heatmaps. No download, no data needed."
        })
public class QuickstartCommand implements Callable<Integer> {

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            defaultValue = "models/quickstart",
            description = "Where the corpus, the model and the heatmaps go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--minutes",
            paramLabel = "M",
            defaultValue = "2",
            description = "Training time limit in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(
            names = "--train-size",
            paramLabel = "N",
            defaultValue = "20000",
            description = "Training pairs to generate (default: ${DEFAULT-VALUE}).")
    int trainSize;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "7",
            description = "Seed of the corpus and the training.")
    long seed;

    @Spec
    CommandSpec spec;

    private static final int HELD_OUT = 500;
    private static final int EXAMPLES = 5;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Path corpus = out.resolve("corpus");
        Path modelDir = out.resolve("model");
        DateCorpus.Splits splits = DateCorpus.splits(trainSize, HELD_OUT, HELD_OUT, seed);
        DateCorpus.writeSplits(splits, corpus);
        Console.info(String.format(
                Locale.ROOT,
                "quickstart: %,d training, %d dev and %d test dates written to %s",
                splits.train().size(),
                splits.dev().size(),
                splits.test().size(),
                corpus));

        NmtConfig config = config(corpus);
        new DataPreparer(config, false).prepare();
        PreparedData data = PreparedData.load(Path.of(config.data.dir));
        Backend.start(GlobalOptions.of(spec).threads());
        ModelDirectory directory = ModelDirectory.create(modelDir, config, data);
        Seq2SeqModel model = new Seq2SeqModel(directory.dimensions(data.pipelines()), config.model, DataType.FLOAT);
        model.initialize(seed);
        Trainer.Outcome outcome = new Trainer(config, data, modelDir, model).run(false);

        PrintWriter stdout = spec.commandLine().getOut();
        try (Translator translator = Translator.load(modelDir)) {
            List<String> sources = new ArrayList<>();
            List<String> references = new ArrayList<>();
            for (DateCorpus.Pair pair : splits.test()) {
                sources.add(pair.source());
                references.add(pair.target());
            }
            List<Translation> translations =
                    translator.translate(sources, translator.defaults().withBeam(1));
            int exact = 0;
            List<String> hypotheses = new ArrayList<>();
            for (int i = 0; i < translations.size(); i++) {
                hypotheses.add(translations.get(i).text());
                if (translations.get(i).text().equals(references.get(i))) {
                    exact++;
                }
            }
            double bleu = new Bleu(BleuSettings.defaults())
                    .corpusScore(hypotheses, List.of(references))
                    .score();
            stdout.printf(
                    Locale.ROOT,
                    "%nHeld-out test dates: %d of %d translated exactly (%.1f%%), BLEU %.2f (greedy).%n",
                    exact,
                    translations.size(),
                    100.0 * exact / translations.size(),
                    bleu);
            stdout.println("Examples (source => translation   [reference]):");
            List<HeatmapReport.Entry> entries = new ArrayList<>();
            Path heatmaps = out.resolve("heatmaps");
            for (int i = 0; i < EXAMPLES && i < translations.size(); i++) {
                Translation t = translations.get(i);
                stdout.printf("  %s => %s   [%s]%n", t.source(), t.text(), references.get(i));
                AttentionMatrix matrix = new AttentionMatrix(t.sourceTokens(), t.targetTokens(), t.attention());
                HeatmapPng.write(heatmaps.resolve((i + 1) + ".png"), matrix, HeatmapOptions.defaults(matrix));
                entries.add(new HeatmapReport.Entry(t.source(), t.text(), matrix));
            }
            HeatmapReport.write(
                    heatmaps.resolve("report.html"), "jnmt quickstart: attention on held-out dates", entries);
            stdout.printf(
                    Locale.ROOT,
                    "%nDone in %.1f minutes (training stopped: %s, step %d).%n",
                    (System.nanoTime() - start) / 60e9,
                    outcome.reason(),
                    outcome.step());
            stdout.println("  corpus:   " + corpus);
            stdout.println("  model:    " + modelDir + "   (its log: " + modelDir.resolve("train.log") + ")");
            stdout.println("  heatmaps: " + heatmaps + "/1.png ... and " + heatmaps.resolve("report.html"));
            stdout.println("Next: echo 'the third of May nineteen ninety-nine' | ./nmt translate -m " + modelDir
                    + "     or see README.md for training on a real corpus.");
            stdout.flush();
        }
        return 0;
    }

    /** A small model for a small vocabulary: tokens are already words and digits, so no BPE. */
    private NmtConfig config(Path corpus) {
        NmtConfig config = DateCorpus.config(corpus, out.resolve("data"), 64, 64, 128, 64);
        config.data.test = DateCorpus.spec(corpus, "test");
        config.model.embDropout = 0.1;
        config.model.outDropout = 0.1;
        config.training.seed = seed;
        config.training.epochs = 50;
        config.training.maxMinutes = minutes;
        config.training.batchSize = 64;
        config.training.learningRate = 2e-3;
        config.training.validateEvery = 300;
        config.training.patience = 2; // stop once the dev BLEU stops improving (or reaches 100)
        config.training.validationSentences = 200;
        config.training.checkpointEvery = 0;
        config.training.keepLast = 1;
        config.testing.beam = 1;
        return config;
    }
}
