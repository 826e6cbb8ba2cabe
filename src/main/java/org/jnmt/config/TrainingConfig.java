package org.jnmt.config;

/** The {@code training:} section: optimisation, validation, checkpoints. */
public class TrainingConfig {

    public long seed = 42;
    public int epochs = 10;
    /** Stop after this many minutes of training (0: no limit). */
    public double maxMinutes = 0;
    /** Stop after this many updates (0: no limit); a resumed run with a higher limit goes on. */
    public long maxSteps = 0;

    /** Batch size, in sentences or in target tokens (see batchType). */
    public int batchSize = 64;
    /** Batches whose gradients are averaged into one update (gradient accumulation; 1: none). */
    public int accumSteps = 1;

    public BatchType batchType = BatchType.SENTENCES;

    public double learningRate = 1e-3;
    public double adamBeta1 = 0.9;
    public double adamBeta2 = 0.999;
    public double adamEpsilon = 1e-8;
    /** Gradient-norm clipping threshold (0: none). */
    public double clipNorm = 1.0;

    public double labelSmoothing = 0.0;

    /**
     * Weight of the guided-alignment cost (cross-entropy between each attention row and the training
     * pair's alignment row, as Marian's --guided-alignment); 0: off. Needs data.alignment.
     */
    public double guidedAlignment = 0.0;

    /** Multiply the learning rate by this when the dev score has not improved for lrPatience validations. */
    public double lrDecayFactor = 0.5;

    public int lrPatience = 2;
    public double minLearningRate = 1e-5;

    /**
     * Validate every N steps (0: once an epoch), or after validateMinutes of training since the last
     * validation, whichever comes first. A run also validates its last state when it stops.
     */
    public int validateEvery = 1000;
    /** Validate after this many minutes of training since the last validation (0: by steps only). */
    public double validateMinutes = 10;
    /** Stop when the dev BLEU has not improved for this many validations (0: never). */
    public int patience = 0;
    /** Greedy decoding of at most this many dev sentences during validation (0: all). */
    public int validationSentences = 0;

    /** Write a checkpoint every N steps (0: only at validations and at the end); never at epoch ends. */
    public int checkpointEvery = 500;
    /** Keep this many most recent step checkpoints (for averaging). */
    public int keepLast = 5;

    /** On a NaN or infinite loss: stop (default) or skip the batch. */
    public NonFinitePolicy onNonFinite = NonFinitePolicy.STOP;
}
