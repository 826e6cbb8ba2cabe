package org.jnmt.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnmt.model.ParameterSet;
import org.jnmt.model.ParameterSet.Parameter;
import org.jnmt.util.NmtException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a checkpoint holds, on top of {@link CheckpointFormat}: the weights as tensors
 * {@code model/NAME}, any further tensors (a training checkpoint adds the optimiser's moments), and
 * a JSON metadata block. Translation needs only the weights; what the rest means is the training
 * package's business, so the training state travels here as an opaque JSON tree. Loading checks
 * every name and shape before it changes anything, so a mismatch leaves the model as it was.
 */
public final class Checkpoint {

    /** The name prefix of weight tensors. */
    private static final String WEIGHTS = "model/";
    /** A checkpoint to resume training from: weights, optimiser state and training state. */
    public static final String KIND_TRAINING = "training";
    /** Weights only (best.ckpt, averaged models), perhaps with the training state for reference. */
    public static final String KIND_WEIGHTS = "weights";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * The JSON block of a checkpoint file.
     *
     * @param kind          {@link #KIND_TRAINING} or {@link #KIND_WEIGHTS}
     * @param adamSteps     Adam's update count (training checkpoints only)
     * @param state         the training state when the weights were saved (null for none)
     * @param averagedSteps the steps of the checkpoints averaged into these weights (null if none)
     */
    public record Metadata(String kind, Long adamSteps, JsonNode state, List<Long> averagedSteps) {

        /** True when the block holds a training state (JSON {@code null} counts as none). */
        public boolean hasState() {
            return state != null && !state.isNull();
        }
    }

    /**
     * A checkpoint as read.
     *
     * @param weights the weight tensors by parameter name, in file order
     * @param others  every other tensor by its full name (empty unless asked for)
     */
    public record Contents(Metadata metadata, Map<String, INDArray> weights, Map<String, INDArray> others) {}

    private Checkpoint() {}

    /** Writes the weights (named by parameter), then {@code others} under their own names, atomically. */
    public static void write(
            Path file, Metadata metadata, Map<String, INDArray> weights, Map<String, INDArray> others) {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        weights.forEach((name, tensor) -> tensors.put(WEIGHTS + name, tensor));
        tensors.putAll(others);
        CheckpointFormat.write(file, toJson(metadata), tensors);
    }

    /**
     * Reads the metadata and the weights, and the other tensors when {@code withOthers}.
     *
     * @throws NmtException when the file cannot be read or its metadata cannot be parsed
     */
    public static Contents read(Path file, boolean withOthers) {
        CheckpointFormat.Contents contents =
                CheckpointFormat.read(file, name -> withOthers || name.startsWith(WEIGHTS));
        Metadata metadata = fromJson(file, contents.metadataJson());
        Map<String, INDArray> weights = new LinkedHashMap<>();
        Map<String, INDArray> others = new LinkedHashMap<>();
        contents.tensors().forEach((name, tensor) -> {
            if (name.startsWith(WEIGHTS)) {
                weights.put(name.substring(WEIGHTS.length()), tensor);
            } else {
                others.put(name, tensor);
            }
        });
        return new Contents(metadata, weights, others);
    }

    /** The metadata block alone, without loading any tensor. */
    public static Metadata readMetadata(Path file) {
        return fromJson(file, CheckpointFormat.read(file, name -> false).metadataJson());
    }

    /** The weights of a checkpoint by parameter name, in file order, without the optimiser state. */
    public static Map<String, INDArray> readWeights(Path file) {
        return read(file, false).weights();
    }

    /**
     * Loads the weights of any checkpoint (training, best or averaged) into {@code params}.
     *
     * @throws NmtException when the file cannot be read or does not fit the model
     */
    public static void loadWeights(Path file, ParameterSet params) {
        Map<String, INDArray> weights = readWeights(file);
        checkFits(file, weights, params);
        assign(weights, params);
    }

    /** The current values of a model's parameters by name, as {@link #write} takes them. */
    public static Map<String, INDArray> weightsOf(ParameterSet params) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (Parameter p : params.all()) {
            weights.put(p.name(), p.value());
        }
        return weights;
    }

    /** Fails, naming the file, unless {@code weights} has exactly the model's parameters and shapes. */
    public static void checkFits(Path file, Map<String, INDArray> weights, ParameterSet params) {
        for (Parameter p : params.all()) {
            INDArray saved = weights.get(p.name());
            if (saved == null) {
                throw new NmtException(file + ": has no weights for parameter " + p.name()
                        + " (it was saved from a model with another configuration)");
            }
            if (!Arrays.equals(saved.shape(), p.value().shape())) {
                throw new NmtException(file + ": parameter " + p.name() + " has shape " + Arrays.toString(saved.shape())
                        + " in the checkpoint but " + Arrays.toString(p.value().shape())
                        + " in the model (were the vocabularies or model sizes changed?)");
            }
        }
        for (String name : weights.keySet()) {
            if (!params.contains(name)) {
                throw new NmtException(file + ": holds parameter " + name
                        + " that the model does not have (it was saved from a model with another configuration)");
            }
        }
    }

    /** Copies weights that passed {@link #checkFits} into the model. */
    public static void assign(Map<String, INDArray> weights, ParameterSet params) {
        for (Parameter p : params.all()) {
            p.value().assign(weights.get(p.name()));
        }
    }

    /** A state object as the JSON tree the metadata carries (null stays null). */
    public static JsonNode stateTree(Object state) {
        return state == null ? null : JSON.valueToTree(state);
    }

    /** The state of a metadata block as {@code type}, or null when it has none. */
    public static <T> T state(Path file, Metadata metadata, Class<T> type) {
        if (!metadata.hasState()) {
            return null;
        }
        try {
            return JSON.treeToValue(metadata.state(), type);
        } catch (JsonProcessingException e) {
            throw unreadable(file, e);
        }
    }

    private static String toJson(Metadata metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise checkpoint metadata", e);
        }
    }

    private static Metadata fromJson(Path file, String json) {
        try {
            return JSON.readValue(json, Metadata.class);
        } catch (JsonProcessingException e) {
            throw unreadable(file, e);
        }
    }

    private static NmtException unreadable(Path file, JsonProcessingException e) {
        return new NmtException(file + ": checkpoint metadata is unreadable (" + e.getOriginalMessage()
                + "); was it written by a newer jnmt?");
    }
}
