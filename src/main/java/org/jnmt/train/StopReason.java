package org.jnmt.train;

/** Why a training run ended; {@link #toString()} is the phrase the logs and the command line print. */
public enum StopReason {
    /** All configured epochs were trained. */
    FINISHED("finished"),
    /** The dev BLEU stopped improving for training.patience validations, or reached 100. */
    EARLY_STOPPING("early stopping"),
    /** training.max_minutes of training time passed. */
    TIME_LIMIT("time limit"),
    /** training.max_steps updates were made. */
    STEP_LIMIT("step limit"),
    /** The process was asked to stop (Ctrl-C, SIGTERM). */
    INTERRUPTED("interrupted"),
    /** A resumed run found its run directory already finished. */
    ALREADY_FINISHED("already finished");

    private final String phrase;

    StopReason(String phrase) {
        this.phrase = phrase;
    }

    @Override
    public String toString() {
        return phrase;
    }
}
