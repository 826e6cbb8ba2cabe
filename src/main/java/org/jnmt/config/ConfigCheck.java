package org.jnmt.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jnmt.util.NmtException;

/**
 * Checks every value of a bound {@link NmtConfig} against its allowed range, before any data is
 * read, and reports all problems at once as {@code ORIGIN: section.key: what is wrong (allowed: ...)}.
 * Whether the corpus files exist is checked separately ({@link #requireCorpusFiles}), only by the
 * commands that read them.
 */
public final class ConfigCheck {

    private final String origin;
    private final List<String> problems = new ArrayList<>();

    private ConfigCheck(String origin) {
        this.origin = origin;
    }

    /**
     * Checks every value of the config.
     *
     * @throws NmtException naming every key with a value out of its range
     */
    public static void validate(NmtConfig config, String origin) {
        ConfigCheck check = new ConfigCheck(origin);
        check.data(config.data);
        check.model(config.model);
        check.training(config.training);
        if (config.training.guidedAlignment > 0 && config.data.alignment == AlignmentSource.NONE) {
            check.problem(
                    "training.guided_alignment",
                    "needs the alignment of the training pairs (allowed: 0, or data.alignment: ibm2 or file)");
        }
        if ((config.data.alignment == AlignmentSource.FILE) != (config.data.alignmentFile != null)) {
            check.problem(
                    "data.alignment_file",
                    "goes with data.alignment: file, and only with it (the file to read the alignment from)");
        }
        if (config.data.alignment == AlignmentSource.FILE) {
            if (!config.data.extraTrain.isEmpty()) {
                check.beyondTheAlignmentFile("extra_train");
            }
            if (config.data.concat != null) {
                check.beyondTheAlignmentFile("concat");
            }
        }
        check.testing(config.testing);
        check.throwIfAny();
    }

    /**
     * Checks that the corpus files of the data section exist.
     *
     * @throws NmtException naming every corpus file of the data section that does not exist
     */
    public static void requireCorpusFiles(DataConfig data, String origin) {
        ConfigCheck check = new ConfigCheck(origin);
        check.corpusFiles("data.train", data.train);
        check.corpusFiles("data.dev", data.dev);
        check.corpusFiles("data.test", data.test);
        for (int i = 0; i < data.extraTrain.size(); i++) {
            check.corpusFiles("data.extra_train[" + i + "]", data.extraTrain.get(i));
        }
        check.fileExists("data.alignment_file", data.alignmentFile);
        check.throwIfAny();
    }

    /** A data key that adds training pairs, which an alignment file over data.train has no lines for. */
    private void beyondTheAlignmentFile(String key) {
        problem(
                "data." + key,
                "cannot be combined with data.alignment: file, whose lines cover data.train only "
                        + "(allowed: data.alignment ibm2 or none with " + key + ")");
    }

    private void data(DataConfig d) {
        notBlank("data.src_lang", d.srcLang);
        notBlank("data.tgt_lang", d.tgtLang);
        notBlank("data.dir", d.dir);
        corpus("data.train", d.train);
        corpus("data.dev", d.dev);
        corpus("data.test", d.test);
        for (int i = 0; i < d.extraTrain.size(); i++) {
            corpus("data.extra_train[" + i + "]", d.extraTrain.get(i));
            atLeast("data.extra_train[" + i + "].repeat", d.extraTrain.get(i).repeat, 1);
        }
        if (d.concat != null) {
            atLeast("data.concat.pairs", d.concat.pairs, 2);
            if (!(d.concat.fraction > 0 && d.concat.fraction <= 10)) {
                problem("data.concat.fraction", "is " + number(d.concat.fraction) + " (allowed: above 0, at most 10)");
            }
        }
        if (d.split != null) {
            atLeast("data.split.dev", d.split.dev, 1);
            atLeast("data.split.test", d.split.test, 0);
            if (d.dev != null || d.test != null) {
                problem(
                        "data.split",
                        "cannot be combined with data.dev or data.test (allowed: a split, or dev/test corpora)");
            }
        }
        atLeast("data.bpe_merges", d.bpeMerges, 0);
        atLeast("data.vocab_min_freq", d.vocabMinFreq, 1);
        atLeast("data.vocab_max_size", d.vocabMaxSize, 0);
        atLeast("data.max_length", d.maxLength, 1);
        atLeast("data.max_length_ratio", d.maxLengthRatio, 1.0);
    }

    private void corpus(String key, DataConfig.CorpusSpec spec) {
        if (spec == null) {
            return;
        }
        boolean tsv = spec.tsv != null;
        boolean pair = spec.src != null || spec.tgt != null;
        if (tsv == pair || (pair && (spec.src == null || spec.tgt == null))) {
            problem(key, "needs either tsv or both src and tgt (allowed: tsv: FILE, or src: FILE and tgt: FILE)");
        } else if (spec.swapColumns && !tsv) {
            problem(key + ".swap_columns", "applies to a tsv corpus only (allowed: false with src/tgt)");
        }
    }

    private void corpusFiles(String key, DataConfig.CorpusSpec spec) {
        if (spec == null) {
            return;
        }
        fileExists(key + ".tsv", spec.tsv);
        fileExists(key + ".src", spec.src);
        fileExists(key + ".tgt", spec.tgt);
    }

    private void model(ModelConfig m) {
        atLeast("model.emb", m.emb, 1);
        atLeast("model.enc_hidden", m.encHidden, 1);
        atLeast("model.dec_hidden", m.decHidden, 1);
        atLeast("model.attn", m.attn, 1);
        atLeast("model.readout_size", m.readoutSize, 1);
        fraction("model.emb_dropout", m.embDropout);
        fraction("model.out_dropout", m.outDropout);
        above("model.init_scale", m.initScale, 0);
        if (m.tiedEmbeddings && (m.readout == Readout.NONE || m.readoutSize != m.emb)) {
            problem(
                    "model.tied_embeddings",
                    "needs a readout (tanh or maxout) with readout_size equal to emb (allowed: "
                            + "false, or true with readout tanh/maxout and readout_size " + m.emb + ")");
        }
    }

    private void training(TrainingConfig t) {
        atLeast("training.epochs", t.epochs, 1);
        atLeast("training.max_minutes", t.maxMinutes, 0);
        atLeast("training.max_steps", (double) t.maxSteps, 0);
        atLeast("training.batch_size", t.batchSize, 1);
        atLeast("training.accum_steps", t.accumSteps, 1);
        above("training.learning_rate", t.learningRate, 0);
        fraction("training.adam_beta1", t.adamBeta1);
        fraction("training.adam_beta2", t.adamBeta2);
        above("training.adam_epsilon", t.adamEpsilon, 0);
        atLeast("training.clip_norm", t.clipNorm, 0);
        fraction("training.label_smoothing", t.labelSmoothing);
        atLeast("training.guided_alignment", t.guidedAlignment, 0);
        if (!(t.lrDecayFactor > 0 && t.lrDecayFactor <= 1)) {
            problem("training.lr_decay_factor", "is " + number(t.lrDecayFactor) + " (allowed: above 0, at most 1)");
        }
        atLeast("training.lr_patience", t.lrPatience, 0);
        atLeast("training.min_learning_rate", t.minLearningRate, 0);
        if (t.learningRate > 0 && t.minLearningRate > t.learningRate) {
            problem(
                    "training.min_learning_rate",
                    "is above training.learning_rate " + number(t.learningRate) + " (allowed: 0 to "
                            + number(t.learningRate) + ")");
        }
        atLeast("training.validate_every", t.validateEvery, 0);
        atLeast("training.validate_minutes", t.validateMinutes, 0);
        atLeast("training.patience", t.patience, 0);
        atLeast("training.validation_sentences", t.validationSentences, 0);
        atLeast("training.checkpoint_every", t.checkpointEvery, 0);
        atLeast("training.keep_last", t.keepLast, 0);
    }

    private void testing(TestingConfig t) {
        atLeast("testing.beam", t.beam, 1);
        atLeast("testing.alpha", t.alpha, 0);
        above("testing.max_output_ratio", t.maxOutputRatio, 0);
        atLeast("testing.batch_size", t.batchSize, 1);
    }

    private void notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            problem(key, "is empty (allowed: a non-empty string)");
        }
    }

    private void fileExists(String key, String path) {
        if (path != null && !Files.isRegularFile(Path.of(path))) {
            problem(key, "no such file: " + path + " (allowed: an existing file, relative to the working directory)");
        }
    }

    private void atLeast(String key, double value, double min) {
        if (!(value >= min)) {
            problem(key, "is " + number(value) + " (allowed: " + number(min) + " or more)");
        }
    }

    private void above(String key, double value, double min) {
        if (!(value > min)) {
            problem(key, "is " + number(value) + " (allowed: above " + number(min) + ")");
        }
    }

    /** A probability-like value in [0, 1). */
    private void fraction(String key, double value) {
        if (!(value >= 0 && value < 1)) {
            problem(key, "is " + number(value) + " (allowed: 0 or more, below 1)");
        }
    }

    private void problem(String key, String what) {
        problems.add(origin + ": " + key + ": " + what);
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new NmtException(String.join(System.lineSeparator(), problems));
        }
    }

    /** 3 rather than 3.0 for whole numbers, so that messages read like the YAML the user wrote. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
