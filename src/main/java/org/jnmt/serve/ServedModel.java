package org.jnmt.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.jnmt.api.ModelDirectory;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;
import org.jnmt.data.BpeCodes;
import org.jnmt.data.PreparedData;
import org.jnmt.train.TrainingSummary;

/**
 * A model the server serves: its name, its number (OpenNMT-py's {@code id}), its directory, and
 * once loaded its translator and batcher. The directory is opened (and its config checked) when
 * the server is set up; the weights are loaded after the server has started, while {@code /health}
 * answers 503.
 */
final class ServedModel {

    private final String name;
    private final int id;
    private final ModelDirectory directory;
    private volatile Translator translator;
    private volatile DynamicBatcher batcher;
    private volatile ObjectNode info;

    ServedModel(String name, int id, Path dir) {
        this.name = name;
        this.id = id;
        this.directory = ModelDirectory.open(dir);
    }

    String name() {
        return name;
    }

    int id() {
        return id;
    }

    String sourceLanguage() {
        return directory.config().data.srcLang;
    }

    String targetLanguage() {
        return directory.config().data.tgtLang;
    }

    boolean loaded() {
        return batcher != null;
    }

    /** Loads the weights into {@code workers} model instances and starts their batching workers. */
    void load(int workers, ServerLimits limits, Metrics metrics, ObjectMapper json) {
        Translator loaded = Translator.load(directory.dir(), workers);
        info = describe(loaded, json);
        translator = loaded;
        batcher = new DynamicBatcher(loaded, name, workers, limits, metrics);
    }

    Translator translator() {
        return translator;
    }

    DynamicBatcher batcher() {
        return batcher;
    }

    TranslationOptions defaults() {
        return translator.defaults();
    }

    /** What {@code GET /models} says of this model (much of what {@code nmt info} prints). */
    ObjectNode info(ObjectMapper json) {
        if (info != null) {
            return info;
        }
        ObjectNode node = json.createObjectNode();
        node.put("name", name);
        node.put("id", id);
        node.put("source", sourceLanguage());
        node.put("target", targetLanguage());
        node.put("loaded", false);
        return node;
    }

    private ObjectNode describe(Translator loaded, ObjectMapper json) {
        PreparedData.Pipelines pipelines = directory.pipelines();
        TrainingSummary training = TrainingSummary.of(directory.dir(), directory.config().training);
        ObjectNode node = json.createObjectNode();
        node.put("name", name);
        node.put("id", id);
        node.put("source", sourceLanguage());
        node.put("target", targetLanguage());
        node.put("loaded", true);
        node.put("directory", directory.dir().toString());
        node.put("format_version", directory.formatVersion());
        node.put("parameters", directory.parameterCount(pipelines));
        node.put("source_vocabulary", pipelines.source().vocabulary().size());
        node.put("target_vocabulary", pipelines.target().vocabulary().size());
        node.put("source_bpe_merges", merges(pipelines.source().codes()));
        node.put("target_bpe_merges", merges(pipelines.target().codes()));
        node.put("lowercase", pipelines.source().lowercase());
        node.put("weights", directory.dir().relativize(directory.weightsFile()).toString());
        node.put("training_steps", training.lastStep());
        node.put("training_finished", training.finished());
        if (!Double.isNaN(training.bestDevBleu())) {
            node.put("best_dev_bleu", training.bestDevBleu());
        }
        TranslationOptions defaults = loaded.defaults();
        ObjectNode testing = node.putObject("defaults");
        testing.put("beam", defaults.beam());
        testing.put("alpha", defaults.alpha());
        testing.put("max_output_ratio", defaults.maxOutputRatio());
        testing.put("batch_size", defaults.batchSize());
        return node;
    }

    private static int merges(BpeCodes codes) {
        return codes == null ? 0 : codes.size();
    }
}
