package org.jnmt.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jnmt.align.TrainingAlignments;
import org.jnmt.config.NmtConfig;
import org.jnmt.config.TrainingConfig;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.util.NmtException;

/**
 * The training loop: updates from an {@link UpdateSource} (this process's batches, {@link
 * LocalSteps}, unless another is given), validation (dev loss and greedy BLEU) with learning-rate
 * reduction on plateau and early stopping, the time and step limits, metrics, and checkpoints from
 * which {@code --resume} continues exactly where training stopped. All randomness derives from
 * (seed, epoch, step): the batch order of an epoch from (seed, epoch), the dropout masks of a step
 * from (seed, step), so that a resumed run reaches the same weights as an uninterrupted one.
 */
public final class Trainer {

    /** Steps between two permanent report lines (and metrics records). */
    static final int REPORT_EVERY = 100;

    /** How a run ended. */
    public record Outcome(StopReason reason, long step, int epoch, double bestDevBleu) {}

    private final NmtConfig config;
    private final TrainingConfig t;
    private final PreparedData data;
    private final Path runDir;
    private final Seq2SeqModel model;
    private final AdamOptimizer adam;
    private final UpdateSource source;
    private final LearningRateScheduler scheduler;
    private final EarlyStopping earlyStopping;
    private final CheckpointStore store;

    private long step;
    private double priorSeconds;
    private long sessionStart;
    /** The step of this session's last validation (-1: none yet). */
    private long validatedStep = -1;

    private double lastValidationSeconds;

    /** Trains {@code model} in this process on the training data. */
    public Trainer(NmtConfig config, PreparedData data, Path runDir, Seq2SeqModel model) {
        this(config, data, runDir, model, AdamOptimizer.fromConfig(model.parameters(), config.training));
    }

    private Trainer(NmtConfig config, PreparedData data, Path runDir, Seq2SeqModel model, AdamOptimizer adam) {
        this(
                config,
                data,
                runDir,
                model,
                adam,
                new LocalSteps(
                        model,
                        adam,
                        config.training,
                        data.train(),
                        config.training.seed,
                        config.training.guidedAlignment > 0 ? TrainingAlignments.read(data) : null));
    }

    /**
     * Trains {@code model} with the updates of {@code source}, which writes them into {@code model}
     * and {@code adam} (made with {@link AdamOptimizer#fromConfig}).
     */
    public Trainer(
            NmtConfig config,
            PreparedData data,
            Path runDir,
            Seq2SeqModel model,
            AdamOptimizer adam,
            UpdateSource source) {
        this.config = config;
        this.t = config.training;
        this.data = data;
        this.runDir = runDir;
        this.model = model;
        this.adam = adam;
        this.source = source;
        this.scheduler = LearningRateScheduler.fromConfig(t);
        this.earlyStopping = new EarlyStopping(t.patience);
        this.store = new CheckpointStore(runDir, t.keepLast);
    }

    /**
     * Trains until the configured epochs, the time limit or early stopping. With {@code resume},
     * continues from the latest checkpoint in the run directory if there is one.
     */
    public Outcome run(boolean resume) {
        try (RunLog log = RunLog.open(runDir)) {
            long batchesPerEpoch = source.batchesPerEpoch();
            ProgressReporter progress = new ProgressReporter(log, t.epochs * batchesPerEpoch, t.maxMinutes * 60);
            if (resume) {
                Optional<TrainingState> restored = store.resumeLatest(model.parameters(), adam);
                if (restored.isPresent()) {
                    restore(restored.get());
                    progress.info(String.format(
                            Locale.ROOT,
                            "Resuming from step %d (epoch %d, batch %d) in %s.",
                            step,
                            source.epoch(),
                            source.batchesInEpoch(),
                            runDir));
                } else {
                    progress.info("No checkpoint in " + runDir + ": starting afresh.");
                }
            }
            String finished = finishedReason();
            if (finished != null) {
                progress.info("The run in " + runDir + " is finished (" + finished + " at step " + step
                        + "); nothing to do.");
                ensureBestWeights();
                return new Outcome(StopReason.ALREADY_FINISHED, step, source.epoch(), earlyStopping.bestScore());
            }
            progress.info(String.format(
                    Locale.ROOT,
                    "Training %,d parameters on %,d pairs (%,d batches an epoch), %d epochs%s.",
                    model.parameters().totalSize(),
                    data.train().size(),
                    batchesPerEpoch,
                    t.epochs,
                    t.maxMinutes > 0 ? String.format(Locale.ROOT, " or %.1f minutes", t.maxMinutes) : ""));
            try (MetricsLog metrics = MetricsLog.open(runDir, step)) {
                return loop(progress, metrics);
            } finally {
                progress.finish();
            }
        }
    }

    private Outcome loop(ProgressReporter progress, MetricsLog metrics) {
        Validator validator = new Validator(
                model,
                data.dev(),
                data.devReferences(),
                data.pipelines().target(),
                t.validationSentences,
                config.testing.maxOutputRatio);
        ReportWindow window = new ReportWindow();
        sessionStart = System.nanoTime();
        lastValidationSeconds = elapsedSeconds();
        StopReason reason = null;
        try (StopRequest stopRequest = StopRequest.install()) {
            while (reason == null && source.epoch() <= t.epochs) {
                if (source.hasNext()) {
                    // Limits are checked between updates only, so that a checkpoint never holds
                    // a batch counted as trained whose gradient was not applied.
                    reason = limitReached(stopRequest);
                    if (reason == null) {
                        reason = record(source.next(step, secondsLeft()), window, validator, progress, metrics);
                    }
                } else {
                    reason = endEpoch(validator, progress, metrics);
                }
            }
            if (reason == null) {
                reason = StopReason.FINISHED;
            }
            // Whatever stopped the run, its last state is validated and saved, so that best.ckpt is the
            // best of everything trained and --resume starts where the run stopped.
            if (validatedStep != step) {
                validate(validator, progress, metrics, false);
            }
            save();
            ensureBestWeights();
        }
        progress.info(String.format(
                Locale.ROOT,
                "Training stopped (%s) at step %d after %.1f minutes; best dev BLEU %s; model in %s.",
                reason,
                step,
                elapsedSeconds() / 60,
                bestText(),
                runDir));
        return new Outcome(reason, step, source.epoch(), earlyStopping.bestScore());
    }

    /** Counts, reports, validates and checkpoints the updates just made; returns early stopping or null. */
    private StopReason record(
            Update done, ReportWindow window, Validator validator, ProgressReporter progress, MetricsLog metrics) {
        if (done.steps() == 0) {
            progress.warn("skipped batch " + source.batchesInEpoch() + " of epoch " + source.epoch()
                    + ": non-finite loss or gradient");
            return null;
        }
        long before = step;
        step += done.steps();
        window.add(done);
        TrainReport report = window.report(step, source.epoch(), adam.learningRate(), elapsedSeconds());
        if (passed(before, REPORT_EVERY)) {
            progress.report(report);
            metrics.append(report);
            window.reset();
        } else {
            progress.update(report);
        }
        if (validationDue(before)) {
            StopReason reason = validate(validator, progress, metrics, true);
            save();
            return reason;
        }
        if (t.checkpointEvery > 0 && passed(before, t.checkpointEvery)) {
            save();
        }
        return null;
    }

    /** Validates at an epoch's end when validation is per epoch; returns early stopping or null. */
    private StopReason endEpoch(Validator validator, ProgressReporter progress, MetricsLog metrics) {
        boolean validated = t.validateEvery <= 0 && validatedStep != step;
        StopReason reason = validated ? validate(validator, progress, metrics, true) : null;
        source.nextEpoch();
        if (validated) {
            save(); // after the epoch's end, so that a resumed run does not validate it again
        }
        return reason;
    }

    /** Whether the steps since {@code before} passed a multiple of {@code every} (one step: reached it). */
    private boolean passed(long before, long every) {
        return step / every > before / every;
    }

    /** The time limit, the step limit or a stop request, checked before each step; null: go on. */
    private StopReason limitReached(StopRequest stopRequest) {
        if (stopRequest.requested()) {
            return StopReason.INTERRUPTED;
        }
        if (secondsLeft() <= 0) {
            return StopReason.TIME_LIMIT;
        }
        if (t.maxSteps > 0 && step >= t.maxSteps) {
            return StopReason.STEP_LIMIT;
        }
        return null;
    }

    /**
     * Every validate_every steps, or after validate_minutes of training since the last validation,
     * whichever comes first: the step count keeps runs reproducible, the clock bounds the wait on
     * corpora whose steps are slow.
     */
    private boolean validationDue(long before) {
        return (t.validateEvery > 0 && passed(before, t.validateEvery))
                || (t.validateMinutes > 0 && elapsedSeconds() - lastValidationSeconds >= t.validateMinutes * 60);
    }

    /**
     * Validates and keeps the best weights; a scheduled validation also adapts the learning rate and
     * counts for early stopping (the last state's does not: see {@link EarlyStopping}). Returns
     * early stopping or null.
     */
    private StopReason validate(Validator validator, ProgressReporter progress, MetricsLog metrics, boolean scheduled) {
        Validator.Result result = validator.run();
        validatedStep = step;
        lastValidationSeconds = elapsedSeconds();
        metrics.append(new ValidationReport(step, source.epoch(), result.loss(), result.bleu(), elapsedSeconds()));
        boolean best = scheduled
                ? earlyStopping.observe(step, result.bleu())
                : earlyStopping.observeFinal(step, result.bleu());
        if (best) {
            store.saveBest(model.parameters(), state());
        }
        progress.info(String.format(
                Locale.ROOT,
                "Validation at step %d (epoch %d): dev loss %.4f, ppl %.2f, BLEU %.2f%s",
                step,
                source.epoch(),
                result.loss(),
                Math.exp(result.loss()),
                result.bleu(),
                best ? " (new best)" : ""));
        if (scheduled && scheduler.observe(result.bleu())) {
            adam.setLearningRate(scheduler.learningRate());
            progress.info(String.format(Locale.ROOT, "Learning rate reduced to %.3g.", scheduler.learningRate()));
        }
        return earlyStopping.shouldStop() ? StopReason.EARLY_STOPPING : null;
    }

    private void save() {
        store.save(model.parameters(), adam, state());
    }

    /** A run that ended before any validation still leaves weights that translation can load. */
    private void ensureBestWeights() {
        if (!Files.exists(store.bestFile())) {
            store.saveBest(model.parameters(), state());
        }
    }

    private TrainingState state() {
        return new TrainingState(
                step,
                source.epoch(),
                source.batchesInEpoch(),
                t.seed,
                elapsedSeconds(),
                scheduler.state(),
                earlyStopping.state(),
                source.dataParallelState());
    }

    private void restore(TrainingState state) {
        if (state.seed() != t.seed) {
            throw new NmtException(runDir + ": the checkpoint was trained with seed " + state.seed() + ", not " + t.seed
                    + "; resume with the same seed or train into a new directory");
        }
        step = state.step();
        source.restore(state);
        priorSeconds = state.trainingSeconds();
        scheduler.restore(state.scheduler());
        earlyStopping.restore(state.earlyStopping());
        adam.setLearningRate(scheduler.learningRate());
    }

    private String finishedReason() {
        return state().finishedReason(t);
    }

    /** Training time left before --max-minutes; infinite without that limit. */
    private double secondsLeft() {
        return t.maxMinutes > 0 ? t.maxMinutes * 60 - elapsedSeconds() : Double.POSITIVE_INFINITY;
    }

    private double elapsedSeconds() {
        return priorSeconds + (sessionStart == 0 ? 0 : (System.nanoTime() - sessionStart) / 1e9);
    }

    private String bestText() {
        double best = earlyStopping.bestScore();
        return Double.isInfinite(best)
                ? "(no validation)"
                : String.format(Locale.ROOT, "%.2f at step %d", best, earlyStopping.bestStep());
    }

    /** Loss, norm and throughput averaged over the steps since the last report. */
    private static final class ReportWindow {
        private double loss;
        private double norm;
        private long tokens;
        private int steps;
        private long start = System.nanoTime();

        void add(Update update) {
            loss += update.lossSum();
            tokens += update.targetTokens();
            norm += update.gradNormSum();
            steps += update.steps();
        }

        TrainReport report(long step, int epoch, double learningRate, double elapsed) {
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            return new TrainReport(
                    step,
                    epoch,
                    loss / Math.max(1, tokens),
                    learningRate,
                    tokens / seconds,
                    norm / Math.max(1, steps),
                    elapsed);
        }

        void reset() {
            loss = 0;
            norm = 0;
            tokens = 0;
            steps = 0;
            start = System.nanoTime();
        }
    }
}
