package org.jnmt.spark;

import java.io.Serializable;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.jnmt.model.ModelDimensions;
import org.jnmt.model.Seq2SeqModel;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What every worker of a data-parallel run needs to build its replica, broadcast once: the run's
 * configuration (as YAML) and its vocabulary sizes.
 *
 * @param run            a name unique to this run, under which executors keep their replicas
 * @param configYaml     the run's configuration
 * @param sourceVocabulary the source vocabulary's size
 * @param targetVocabulary the target vocabulary's size
 */
record WorkerSetup(String run, String configYaml, int sourceVocabulary, int targetVocabulary) implements Serializable {

    NmtConfig config() {
        return ConfigLoader.fromYaml(configYaml, "the configuration of run " + run);
    }

    /** A model of the run's architecture, with its seeded initial weights. */
    static Seq2SeqModel newModel(NmtConfig config, int sourceVocabulary, int targetVocabulary) {
        Seq2SeqModel model = new Seq2SeqModel(
                ModelDimensions.of(config.model, sourceVocabulary, targetVocabulary), config.model, DataType.FLOAT);
        model.initialize(config.training.seed);
        return model;
    }
}
