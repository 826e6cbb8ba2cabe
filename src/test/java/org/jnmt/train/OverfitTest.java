package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jnmt.api.ModelDirectory;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.quickstart.DateCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The whole training path (prepare, Trainer with Adam and clipping, checkpoints, best weights,
 * Translator with greedy search) learns three dozen sentence pairs by heart: greedy decoding then
 * reproduces every target exactly. Budget: about 30 seconds. (The cgru decoder's training path is
 * {@link GuidedAlignmentTest}'s.)
 */
class OverfitTest {

    private static final int PAIRS = 36;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void learnsThreeDozenPairsByHeart() {
        Path corpus = dir.resolve("corpus");
        DateCorpus.Splits splits = DateCorpus.splits(PAIRS, 1, 1, 17);
        DateCorpus.writeSplits(splits, corpus);
        NmtConfig config = DateCorpus.config(corpus, dir.resolve("data"), 32, 32, 64, 32);
        config.data.dev = DateCorpus.spec(corpus, "train"); // the dev set is the training set: memorisation
        config.model.embDropout = 0;
        config.model.outDropout = 0;
        config.training.seed = 3;
        config.training.epochs = 80;
        config.training.batchSize = 12;
        config.training.learningRate = 5e-3;
        config.training.validateEvery = 60;
        config.training.checkpointEvery = 0;
        config.training.lrPatience = 100;
        new DataPreparer(config, false).prepare();
        PreparedData data = PreparedData.load(Path.of(config.data.dir));
        Backend.start(2);
        Path run = dir.resolve("run");
        ModelDirectory directory = ModelDirectory.create(run, config, data);
        Seq2SeqModel model = new Seq2SeqModel(directory.dimensions(data.pipelines()), config.model, DataType.FLOAT);
        model.initialize(config.training.seed);
        new Trainer(config, data, run, model).run(false);

        List<String> sources = new ArrayList<>();
        for (DateCorpus.Pair pair : splits.train()) {
            sources.add(pair.source());
        }
        try (Translator translator = Translator.load(run)) {
            List<Translation> out =
                    translator.translate(sources, translator.defaults().withBeam(1));
            int exact = 0;
            for (int i = 0; i < PAIRS; i++) {
                if (out.get(i).text().equals(splits.train().get(i).target())) {
                    exact++;
                }
            }
            assertEquals(PAIRS, exact, "pairs reproduced exactly by greedy decoding");
        }
    }
}
