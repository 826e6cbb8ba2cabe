package org.jnmt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jnmt.api.ModelDirectory;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.config.ConfigCheck;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.train.Trainer;
import org.jnmt.util.Console;
import org.jnmt.util.UsageException;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt train}: trains a model into a run directory, preparing the data first if needed. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a model. With --config, the data of the config (prepared by 'nmt prepare', or "
                    + "prepared now if it is not); without, the raw text files given by --train-src/--train-tgt and "
                    + "--dev-src/--dev-tgt are prepared into OUT/data with defaults for small corpora.",
            "The run directory OUT is the model that 'nmt translate -m OUT' loads."
        })
public class TrainCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "YAML configuration.")
    Path config;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. training.epochs=5; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "The run (model) directory.")
    Path out;

    @Option(
            names = "--resume",
            description = "Continue from the last checkpoint in OUT (with the config stored there).")
    boolean resume;

    @Option(
            names = "--init-from",
            paramLabel = "MODEL",
            description = "Start from another model's weights (fine-tuning).")
    Path initFrom;

    @Option(
            names = "--skip-invalid",
            description = "Skip (and count) invalid lines of the raw corpora instead of stopping.")
    boolean skipInvalid;

    @Option(names = "--train-src", paramLabel = "FILE", description = "Raw training sources, one sentence a line.")
    String trainSrc;

    @Option(
            names = "--train-tgt",
            paramLabel = "FILE",
            description = "Raw training targets, line-aligned with --train-src.")
    String trainTgt;

    @Option(names = "--dev-src", paramLabel = "FILE", description = "Raw dev sources.")
    String devSrc;

    @Option(names = "--dev-tgt", paramLabel = "FILE", description = "Raw dev targets.")
    String devTgt;

    @Option(names = "--epochs", paramLabel = "N", description = "training.epochs")
    Integer epochs;

    @Option(names = "--max-minutes", paramLabel = "M", description = "training.max_minutes: stop after M minutes.")
    Double maxMinutes;

    @Option(names = "--seed", paramLabel = "S", description = "training.seed")
    Long seed;

    @Option(names = "--batch-size", paramLabel = "N", description = "training.batch_size")
    Integer batchSize;

    @Option(
            names = "--accum-steps",
            paramLabel = "A",
            description = "training.accum_steps: average the gradients of A batches into one update.")
    Integer accumSteps;

    @Option(names = "--emb", paramLabel = "N", description = "model.emb")
    Integer emb;

    @Option(names = "--enc-hidden", paramLabel = "N", description = "model.enc_hidden")
    Integer encHidden;

    @Option(names = "--dec-hidden", paramLabel = "N", description = "model.dec_hidden")
    Integer decHidden;

    @Option(names = "--attn", paramLabel = "N", description = "model.attn")
    Integer attn;

    @Option(names = "--bpe-merges", paramLabel = "N", description = "data.bpe_merges (0: word level)")
    Integer bpeMerges;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> settings = new ArrayList<>(shortcutOverrides());
        settings.addAll(overrides);
        Path stored = out.resolve(ModelDirectory.CONFIG);
        boolean continuing = resume && Files.isRegularFile(stored);
        NmtConfig cfg;
        if (continuing) {
            if (config != null) {
                Console.info("train: resuming with the config stored in " + stored + " (not " + config + ")");
            }
            cfg = ConfigLoader.load(stored, settings);
        } else {
            cfg = ConfigLoader.load(config, settings);
            if (cfg.data.train == null) {
                throw new UsageException("no training data: give --config FILE or --train-src and --train-tgt");
            }
            if (cfg.data.dev == null && cfg.data.split == null) {
                throw new UsageException(
                        "no dev data: give --dev-src and --dev-tgt (or data.dev / data.split in the config)");
            }
            if (config == null) {
                cfg.data.dir = out.resolve("data").toString();
            }
            if (!Files.isRegularFile(Path.of(cfg.data.dir).resolve(PreparedData.TRAIN))) {
                ConfigCheck.requireCorpusFiles(cfg.data, config == null ? "the command line" : config.toString());
            }
        }
        PreparedData data = prepared(cfg);
        Backend.start(GlobalOptions.of(spec).threads());
        ModelDirectory modelDir = continuing && Files.exists(out.resolve(ModelDirectory.MANIFEST))
                ? ModelDirectory.open(out)
                : ModelDirectory.create(out, cfg, data);
        Seq2SeqModel model = new Seq2SeqModel(modelDir.dimensions(data.pipelines()), cfg.model, DataType.FLOAT);
        model.initialize(cfg.training.seed);
        if (initFrom != null) {
            Checkpoint.loadWeights(ModelDirectory.open(initFrom).weightsFile(), model.parameters());
            Console.info("train: starting from the weights of " + initFrom);
        }
        Trainer.Outcome outcome = train(cfg, data, out, model, resume);
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s: %s at step %d, best dev BLEU %s%n",
                        out,
                        outcome.reason(),
                        outcome.step(),
                        Double.isInfinite(outcome.bestDevBleu())
                                ? "n/a"
                                : String.format(Locale.ROOT, "%.2f", outcome.bestDevBleu()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Trains the initialised model into the run directory {@code out} in this process; a subclass
     * trains it elsewhere (org.jnmt.spark.TrainJob: on Spark workers) with the same options.
     */
    protected Trainer.Outcome train(NmtConfig cfg, PreparedData data, Path out, Seq2SeqModel model, boolean resume) {
        return new Trainer(cfg, data, out, model).run(resume);
    }

    /** Loads the prepared data of the config, preparing it first when data.dir holds none. */
    private PreparedData prepared(NmtConfig cfg) {
        Path dir = Path.of(cfg.data.dir);
        if (!Files.isRegularFile(dir.resolve(PreparedData.TRAIN))) {
            Console.info("train: preparing the data into " + dir);
            String summary =
                    DataPreparation.run(cfg, skipInvalid, GlobalOptions.of(spec).threads());
            Console.info(summary.strip());
        }
        return PreparedData.load(dir);
    }

    private List<String> shortcutOverrides() {
        List<String> list = new ArrayList<>();
        add(list, "data.train.src", trainSrc);
        add(list, "data.train.tgt", trainTgt);
        add(list, "data.dev.src", devSrc);
        add(list, "data.dev.tgt", devTgt);
        add(list, "training.epochs", epochs);
        add(list, "training.max_minutes", maxMinutes);
        add(list, "training.seed", seed);
        add(list, "training.batch_size", batchSize);
        add(list, "training.accum_steps", accumSteps);
        add(list, "model.emb", emb);
        add(list, "model.enc_hidden", encHidden);
        add(list, "model.dec_hidden", decHidden);
        add(list, "model.attn", attn);
        add(list, "data.bpe_merges", bpeMerges);
        return list;
    }

    private static void add(List<String> list, String key, Object value) {
        if (value != null) {
            list.add(key + "=" + (value instanceof String s ? quote(s) : value));
        }
    }

    /** A file name as a YAML string, whatever characters it holds. */
    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
