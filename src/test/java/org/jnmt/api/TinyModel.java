package org.jnmt.api;

import java.nio.file.Path;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.quickstart.DateCorpus;
import org.jnmt.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A tiny date-translation model (embeddings 16, GRUs 16/32, a few hundred pairs, two epochs, BPE so
 * that words are split into pieces) trained in seconds, for the tests of the translation API and
 * the commands that load a model. Its translations are poor; the tests check forms, not quality.
 */
public final class TinyModel {

    public static final int EPOCHS = 2;
    private static final long SEED = 5;

    private TinyModel() {}

    /** Trains into {@code dir/model} (corpus in {@code dir/corpus}) and returns the model directory. */
    public static Path train(Path dir) {
        Path corpus = dir.resolve("corpus");
        DateCorpus.writeSplits(DateCorpus.splits(300, 30, 30, SEED), corpus);
        return train(config(corpus, dir.resolve("data")), dir.resolve("model"));
    }

    /**
     * A model of the other direction (ISO dates to English words), trained the same way on the
     * corpus that {@link #train} wrote, into {@code dir/reverse-model}; for the commands that
     * combine both directions.
     */
    public static Path trainReverse(Path dir) {
        NmtConfig config = config(dir.resolve("corpus"), dir.resolve("reverse-data"));
        config.data.srcLang = DateCorpus.TARGET_SUFFIX;
        config.data.tgtLang = DateCorpus.SOURCE_SUFFIX;
        config.data.train = reversed(config.data.train);
        config.data.dev = reversed(config.data.dev);
        return train(config, dir.resolve("reverse-model"));
    }

    private static Path train(NmtConfig config, Path modelDir) {
        new DataPreparer(config, false).prepare();
        PreparedData data = PreparedData.load(Path.of(config.data.dir));
        Backend.start(2);
        ModelDirectory directory = ModelDirectory.create(modelDir, config, data);
        Seq2SeqModel model = new Seq2SeqModel(directory.dimensions(data.pipelines()), config.model, DataType.FLOAT);
        model.initialize(SEED);
        new Trainer(config, data, modelDir, model).run(false);
        return modelDir;
    }

    /** The test sources the model was not trained on, one per line. */
    public static Path testSources(Path dir) {
        return dir.resolve("corpus").resolve("test.words");
    }

    /** Their reference translations. */
    public static Path testReferences(Path dir) {
        return dir.resolve("corpus").resolve("test.iso");
    }

    private static DataConfig.CorpusSpec reversed(DataConfig.CorpusSpec spec) {
        return DataConfig.CorpusSpec.of(Path.of(spec.tgt), Path.of(spec.src));
    }

    private static NmtConfig config(Path corpus, Path dataDir) {
        NmtConfig config = DateCorpus.config(corpus, dataDir, 16, 16, 32, 16);
        config.data.bpeMerges = 40;
        config.model.embDropout = 0;
        config.model.outDropout = 0;
        config.training.seed = SEED;
        config.training.epochs = EPOCHS;
        config.training.batchSize = 16;
        config.training.learningRate = 5e-3;
        config.training.checkpointEvery = 0;
        config.training.validateEvery = 0; // once an epoch: the tests count two validations
        config.training.keepLast = 2;
        return config;
    }
}
