package org.jnmt.train;

import java.nio.file.Path;
import java.util.Map;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.checkpoint.Checkpoint.Metadata;
import org.jnmt.model.ParameterSet;
import org.jnmt.util.NmtException;

/**
 * The training side of a {@link Checkpoint}. A training checkpoint holds the weights, Adam's
 * moments ({@code adam.m/NAME}, {@code adam.v/NAME}) and the {@link TrainingState}; a weights
 * checkpoint (best.ckpt) holds the weights with the state they were saved at.
 */
public final class TrainingCheckpoint {

    private TrainingCheckpoint() {}

    /** Writes weights, Adam state and training state to {@code file} (atomically). */
    public static void saveTraining(Path file, ParameterSet params, AdamOptimizer adam, TrainingState state) {
        Metadata metadata = new Metadata(Checkpoint.KIND_TRAINING, adam.steps(), Checkpoint.stateTree(state), null);
        Checkpoint.write(file, metadata, Checkpoint.weightsOf(params), adam.stateTensors());
    }

    /** Writes the weights only, with the training state for reference (may be null). */
    public static void saveWeights(Path file, ParameterSet params, TrainingState state) {
        Metadata metadata = new Metadata(Checkpoint.KIND_WEIGHTS, null, Checkpoint.stateTree(state), null);
        Checkpoint.write(file, metadata, Checkpoint.weightsOf(params), Map.of());
    }

    /**
     * Restores weights and Adam state from a training checkpoint and returns its training state.
     *
     * @throws NmtException when the file cannot be read, holds weights only, or does not fit the model
     */
    public static TrainingState loadTraining(Path file, ParameterSet params, AdamOptimizer adam) {
        Checkpoint.Contents contents = Checkpoint.read(file, true);
        Metadata metadata = contents.metadata();
        if (!Checkpoint.KIND_TRAINING.equals(metadata.kind()) || metadata.adamSteps() == null || !metadata.hasState()) {
            throw new NmtException(file + ": holds model weights only, without the optimiser state that resuming "
                    + "training needs; resume from a checkpoints/step-*.ckpt file");
        }
        TrainingState state = Checkpoint.state(file, metadata, TrainingState.class);
        Checkpoint.checkFits(file, contents.weights(), params);
        try {
            adam.importState(metadata.adamSteps(), contents.others());
        } catch (IllegalArgumentException e) {
            throw new NmtException(file + ": " + e.getMessage() + " (the checkpoint does not fit this model)");
        }
        Checkpoint.assign(contents.weights(), params);
        return state;
    }

    /**
     * The training state saved with a checkpoint, without loading its tensors; null for weights
     * saved without one (an averaged model).
     *
     * @throws NmtException when the file cannot be read
     */
    public static TrainingState readState(Path file) {
        return Checkpoint.state(file, Checkpoint.readMetadata(file), TrainingState.class);
    }
}
