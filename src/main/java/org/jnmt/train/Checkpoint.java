package org.jnmt.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.jnmt.model.ParameterSet;
import org.jnmt.model.ParameterSet.Parameter;
import org.jnmt.util.NmtException;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint holds, on top of {@link CheckpointFormat}. A training checkpoint holds the
 * weights (tensors {@code model/NAME}), Adam's moments ({@code adam.m/NAME}, {@code adam.v/NAME})
 * and the {@link TrainingState}; a weights checkpoint (best.ckpt, averaged models) holds the
 * weights only. Loading checks every name and shape before it changes anything, so a mismatch
 * leaves the model as it was.
 */
public final class Checkpoint {

    static final String WEIGHTS = "model/";
    private static final String KIND_TRAINING = "training";
    private static final String KIND_WEIGHTS = "weights";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * The JSON block of a checkpoint file.
     *
     * @param kind          "training" or "weights"
     * @param adamSteps     Adam's update count (training checkpoints only)
     * @param state         the training state when the weights were saved (null for none)
     * @param averagedSteps the steps of the checkpoints averaged into these weights (null if none)
     */
    record Metadata(String kind, Long adamSteps, TrainingState state, List<Long> averagedSteps) {
    }

    private Checkpoint() {
    }

    /** Writes weights, Adam state and training state to {@code file} (atomically). */
    public static void saveTraining(Path file, ParameterSet params, AdamOptimizer adam, TrainingState state) {
        Map<String, INDArray> tensors = weightTensors(params);
        tensors.putAll(adam.stateTensors());
        CheckpointFormat.write(file, toJson(new Metadata(KIND_TRAINING, adam.steps(), state, null)), tensors);
    }

    /** Writes the weights only, with the training state for reference (may be null). */
    public static void saveWeights(Path file, ParameterSet params, TrainingState state) {
        CheckpointFormat.write(file, toJson(new Metadata(KIND_WEIGHTS, null, state, null)), weightTensors(params));
    }

    /**
     * Restores weights and Adam state from a training checkpoint and returns its training state.
     *
     * @throws NmtException when the file cannot be read, holds weights only, or does not fit the model
     */
    public static TrainingState loadTraining(Path file, ParameterSet params, AdamOptimizer adam) {
        CheckpointFormat.Contents contents = CheckpointFormat.read(file, name -> true);
        Metadata metadata = fromJson(file, contents.metadataJson());
        if (!KIND_TRAINING.equals(metadata.kind()) || metadata.adamSteps() == null || metadata.state() == null) {
            throw new NmtException(file + ": holds model weights only, without the optimiser state that resuming "
                    + "training needs; resume from a checkpoints/step-*.ckpt file");
        }
        Map<String, INDArray> weights = new LinkedHashMap<>();
        Map<String, INDArray> optimiserState = new LinkedHashMap<>();
        contents.tensors().forEach((name, tensor) -> {
            if (name.startsWith(WEIGHTS)) {
                weights.put(name.substring(WEIGHTS.length()), tensor);
            } else {
                optimiserState.put(name, tensor);
            }
        });
        checkFits(file, weights, params);
        try {
            adam.importState(metadata.adamSteps(), optimiserState);
        } catch (IllegalArgumentException e) {
            throw new NmtException(file + ": " + e.getMessage() + " (the checkpoint does not fit this model)");
        }
        assign(weights, params);
        return metadata.state();
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

    /**
     * The training state saved with a checkpoint, without loading its tensors; null for weights
     * saved without one (an averaged model).
     *
     * @throws NmtException when the file cannot be read
     */
    public static TrainingState readState(Path file) {
        return fromJson(file, CheckpointFormat.read(file, name -> false).metadataJson()).state();
    }

    /** The weights of a checkpoint by parameter name, in file order, without the optimiser state. */
    static Map<String, INDArray> readWeights(Path file) {
        CheckpointFormat.Contents contents = CheckpointFormat.read(file, name -> name.startsWith(WEIGHTS));
        fromJson(file, contents.metadataJson());
        Map<String, INDArray> weights = new LinkedHashMap<>();
        contents.tensors().forEach((name, tensor) -> weights.put(name.substring(WEIGHTS.length()), tensor));
        return weights;
    }

    /** Writes weights that are not (yet) a ParameterSet, such as an average of checkpoints. */
    static void writeWeights(Path file, Map<String, INDArray> weights, TrainingState state, List<Long> averagedSteps) {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        weights.forEach((name, tensor) -> tensors.put(WEIGHTS + name, tensor));
        CheckpointFormat.write(file, toJson(new Metadata(KIND_WEIGHTS, null, state, averagedSteps)), tensors);
    }

    private static Map<String, INDArray> weightTensors(ParameterSet params) {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (Parameter p : params.all()) {
            tensors.put(WEIGHTS + p.name(), p.value());
        }
        return tensors;
    }

    private static void checkFits(Path file, Map<String, INDArray> weights, ParameterSet params) {
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

    private static void assign(Map<String, INDArray> weights, ParameterSet params) {
        for (Parameter p : params.all()) {
            p.value().assign(weights.get(p.name()));
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
            throw new NmtException(file + ": checkpoint metadata is unreadable (" + e.getOriginalMessage()
                    + "); was it written by a newer jnmt?");
        }
    }
}
