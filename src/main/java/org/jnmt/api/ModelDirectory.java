package org.jnmt.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.checkpoint.CheckpointFiles;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.PreparedData;
import org.jnmt.model.ModelDimensions;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.util.NmtException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A trained model is a directory; training writes it, translation and evaluation load it:
 * <pre>
 * model.json                   format version, jnmt version, vocabulary sizes
 * config.yaml                  the full configuration of the run
 * prepare.yaml, bpe.*.codes,   how text is prepared (copied from the prepared data directory)
 *   vocab.*.txt
 * best.ckpt                    the weights with the best dev BLEU (what translation loads)
 * checkpoints/step-N.ckpt      training checkpoints (weights, optimiser and data position)
 * metrics.jsonl, train.log     the run's metrics and log
 * </pre>
 */
public final class ModelDirectory {

    /** The layout version this jnmt writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public static final String MANIFEST = "model.json";
    public static final String CONFIG = "config.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final NmtConfig config;
    private final JsonNode manifest;

    private ModelDirectory(Path dir, NmtConfig config, JsonNode manifest) {
        this.dir = dir;
        this.config = config;
        this.manifest = manifest;
    }

    /** Writes the manifest, the config and the text-preparation files of a new run directory. */
    public static ModelDirectory create(Path dir, NmtConfig config, PreparedData data) {
        try {
            Files.createDirectories(dir);
            for (String name : PreparedData.PIPELINE_FILES) {
                Path source = data.dir().resolve(name);
                if (Files.exists(source)) {
                    Files.copy(source, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(dir.resolve(CONFIG), ConfigLoader.toYaml(config));
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format_version", FORMAT_VERSION);
            manifest.put(
                    "jnmt_version",
                    String.valueOf(ModelDirectory.class.getPackage().getImplementationVersion()));
            manifest.put("source_vocabulary", data.sourceVocabulary().size());
            manifest.put("target_vocabulary", data.targetVocabulary().size());
            manifest.put("data", data.dir().toString());
            Files.writeString(
                    dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
            return new ModelDirectory(dir, config, manifest);
        } catch (IOException e) {
            throw new NmtException(dir + ": cannot write the model directory (" + e.getMessage() + ")");
        }
    }

    /** Opens a model directory, checking that it is one and that its format version is supported. */
    public static ModelDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NmtException(dir + ": no such model directory");
        }
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new NmtException(dir + ": not a jnmt model directory (no " + MANIFEST + ")");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readString(manifestFile));
        } catch (IOException e) {
            throw new NmtException(manifestFile + ": unreadable model manifest (" + firstLine(e.getMessage()) + ")");
        }
        JsonNode version = manifest == null ? null : manifest.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw new NmtException(manifestFile + ": the manifest has no format_version");
        }
        if (version.asInt() != FORMAT_VERSION) {
            throw new NmtException(dir + ": model format version " + version.asInt()
                    + " is not supported; this jnmt reads version " + FORMAT_VERSION);
        }
        Path configFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new NmtException(dir + ": the model directory has no " + CONFIG);
        }
        NmtConfig config = ConfigLoader.load(configFile, List.of());
        return new ModelDirectory(dir, config, manifest);
    }

    public Path dir() {
        return dir;
    }

    public NmtConfig config() {
        return config;
    }

    public int formatVersion() {
        return manifest.get("format_version").asInt();
    }

    public JsonNode manifest() {
        return manifest;
    }

    /** The text pipelines (normalisation, tokenisation, BPE, vocabulary) of source and target. */
    public PreparedData.Pipelines pipelines() {
        return PreparedData.loadPipelines(dir);
    }

    /** The weights translation uses: best.ckpt, or the latest training checkpoint if there is no best yet. */
    public Path weightsFile() {
        Path best = dir.resolve(CheckpointFiles.BEST_FILE);
        if (Files.isRegularFile(best)) {
            return best;
        }
        return CheckpointFiles.latest(dir)
                .orElseThrow(() -> new NmtException(dir + ": the model directory holds no weights (no "
                        + CheckpointFiles.BEST_FILE + " and no checkpoints)"));
    }

    /** The architecture of this model, given its vocabularies. */
    public ModelDimensions dimensions(PreparedData.Pipelines pipelines) {
        return ModelDimensions.of(
                config.model,
                pipelines.source().vocabulary().size(),
                pipelines.target().vocabulary().size());
    }

    /** A float32 model with the weights of {@link #weightsFile()}. */
    public Seq2SeqModel loadModel(PreparedData.Pipelines pipelines) {
        Seq2SeqModel model = new Seq2SeqModel(dimensions(pipelines), config.model, DataType.FLOAT);
        Checkpoint.loadWeights(weightsFile(), model.parameters());
        return model;
    }

    /** The number of trainable parameters (allocates the model without loading weights; ND4J must be started). */
    public long parameterCount(PreparedData.Pipelines pipelines) {
        return new Seq2SeqModel(dimensions(pipelines), config.model, DataType.FLOAT)
                .parameters()
                .totalSize();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
