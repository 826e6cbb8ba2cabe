package org.jnmt.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import org.jnmt.align.TrainingAlignments;
import org.jnmt.config.NmtConfig;
import org.jnmt.config.TrainingConfig;
import org.jnmt.data.Batch;
import org.jnmt.data.Batcher;
import org.jnmt.data.PreparedData;
import org.jnmt.model.AlignmentGuide;
import org.jnmt.model.LossResult;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.util.NmtException;

/**
 * The training loop: teacher-forced forward and backward passes over seeded, bucketed batches,
 * gradient-norm clipping, Adam, validation (dev loss and greedy BLEU) with learning-rate reduction
 * on plateau and early stopping, and checkpoints from which {@code --resume} continues exactly
 * where training stopped. All randomness derives from (seed, epoch, step): the batch order of an
 * epoch from (seed, epoch), the dropout masks of a step from (seed, step), so that a resumed run
 * reaches the same weights as an uninterrupted one.
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
    private final LearningRateScheduler scheduler;
    private final EarlyStopping earlyStopping;
    private final CheckpointStore store;
    /** Per training pair, its alignment links for guided alignment; null when that is off. */
    private final int[][] alignments;

    private long step;
    private int epoch = 1;
    private long batchesInEpoch;
    private double priorSeconds;
    private long sessionStart;
    /** The step of this session's last validation (-1: none yet). */
    private long validatedStep = -1;

    private double lastValidationSeconds;

    public Trainer(NmtConfig config, PreparedData data, Path runDir, Seq2SeqModel model) {
        this.config = config;
        this.t = config.training;
        this.data = data;
        this.runDir = runDir;
        this.model = model;
        this.adam = AdamOptimizer.fromConfig(model.parameters(), t);
        this.scheduler = LearningRateScheduler.fromConfig(t);
        this.earlyStopping = new EarlyStopping(t.patience);
        this.store = new CheckpointStore(runDir, t.keepLast);
        this.alignments = t.guidedAlignment > 0 ? TrainingAlignments.read(data) : null;
    }

    /**
     * Trains until the configured epochs, the time limit or early stopping. With {@code resume},
     * continues from the latest checkpoint in the run directory if there is one.
     */
    public Outcome run(boolean resume) {
        try (RunLog log = RunLog.open(runDir)) {
            Batcher batcher = new Batcher(data.train(), t.batchSize, t.batchType, t.seed);
            long batchesPerEpoch = batcher.plan(1).size();
            ProgressReporter progress = new ProgressReporter(log, t.epochs * batchesPerEpoch, t.maxMinutes * 60);
            if (resume) {
                Optional<TrainingState> restored = store.resumeLatest(model.parameters(), adam);
                if (restored.isPresent()) {
                    restore(restored.get());
                    progress.info(String.format(
                            Locale.ROOT,
                            "Resuming from step %d (epoch %d, batch %d) in %s.",
                            step,
                            epoch,
                            batchesInEpoch,
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
                return new Outcome(StopReason.ALREADY_FINISHED, step, epoch, earlyStopping.bestScore());
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
                return loop(batcher, progress, metrics);
            } finally {
                progress.finish();
            }
        }
    }

    private Outcome loop(Batcher batcher, ProgressReporter progress, MetricsLog metrics) {
        Validator validator = new Validator(
                model,
                data.dev(),
                data.devReferences(),
                data.pipelines().target(),
                t.validationSentences,
                config.testing.maxOutputRatio);
        NonFiniteGuard guard = new NonFiniteGuard(t.onNonFinite);
        ReportWindow window = new ReportWindow();
        GradientAccumulator accumulated = t.accumSteps > 1 ? new GradientAccumulator(model.parameters()) : null;
        Update update = new Update();
        int pending = 0; // batches of the current update trained so far
        sessionStart = System.nanoTime();
        lastValidationSeconds = elapsedSeconds();
        StopReason reason = null;
        try (StopRequest stopRequest = StopRequest.install()) {
            while (reason == null && epoch <= t.epochs) {
                Iterator<Batch> batches = batcher.epoch(epoch, Math.toIntExact(batchesInEpoch));
                while (reason == null && batches.hasNext()) {
                    if (pending == 0) {
                        // Limits are checked between updates only, so that a checkpoint never holds
                        // a batch counted as trained whose gradient was not applied.
                        reason = limitReached(stopRequest);
                        if (reason != null) {
                            break;
                        }
                    }
                    Batch batch = batches.next();
                    LossResult loss =
                            model.forwardBackward(batch, dropoutSeed(step, pending), t.labelSmoothing, guide(batch));
                    batchesInEpoch++;
                    pending++;
                    update.add(loss, batch.targetTokens());
                    if (accumulated != null) {
                        accumulated.add();
                        if (pending < t.accumSteps && batches.hasNext()) {
                            continue; // an update never spans two epochs
                        }
                        accumulated.finish();
                    }
                    pending = 0;
                    double norm = GradientClipping.clipByGlobalNorm(model.parameters(), t.clipNorm);
                    Update done = update;
                    update = new Update();
                    if (!guard.accept(step + 1, done.meanLoss, norm)) {
                        progress.warn("skipped batch " + batchesInEpoch + " of epoch " + epoch
                                + ": non-finite loss or gradient");
                        continue;
                    }
                    adam.step();
                    step++;
                    window.add(done, norm);
                    TrainReport report = window.report(step, epoch, adam.learningRate(), elapsedSeconds());
                    if (step % REPORT_EVERY == 0) {
                        progress.report(report);
                        metrics.append(report);
                        window.reset();
                    } else {
                        progress.update(report);
                    }
                    if (validationDue()) {
                        reason = validate(validator, progress, metrics, true);
                        save();
                    } else if (t.checkpointEvery > 0 && step % t.checkpointEvery == 0) {
                        save();
                    }
                }
                if (reason == null) {
                    boolean validated = t.validateEvery <= 0 && validatedStep != step;
                    if (validated) {
                        reason = validate(validator, progress, metrics, true);
                    }
                    epoch++;
                    batchesInEpoch = 0;
                    if (validated) {
                        save(); // after the epoch's end, so that a resumed run does not validate it again
                    }
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
        return new Outcome(reason, step, epoch, earlyStopping.bestScore());
    }

    /** The time limit, the step limit or a stop request, checked before each step; null: go on. */
    private StopReason limitReached(StopRequest stopRequest) {
        if (stopRequest.requested()) {
            return StopReason.INTERRUPTED;
        }
        if (t.maxMinutes > 0 && elapsedSeconds() >= t.maxMinutes * 60) {
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
    private boolean validationDue() {
        return (t.validateEvery > 0 && step % t.validateEvery == 0)
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
        metrics.append(new ValidationReport(step, epoch, result.loss(), result.bleu(), elapsedSeconds()));
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
                epoch,
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
                step, epoch, batchesInEpoch, t.seed, elapsedSeconds(), scheduler.state(), earlyStopping.state());
    }

    private void restore(TrainingState state) {
        if (state.seed() != t.seed) {
            throw new NmtException(runDir + ": the checkpoint was trained with seed " + state.seed() + ", not " + t.seed
                    + "; resume with the same seed or train into a new directory");
        }
        step = state.step();
        epoch = state.epoch();
        batchesInEpoch = state.batchesInEpoch();
        priorSeconds = state.trainingSeconds();
        scheduler.restore(state.scheduler());
        earlyStopping.restore(state.earlyStopping());
        adam.setLearningRate(scheduler.learningRate());
    }

    private String finishedReason() {
        return state().finishedReason(t);
    }

    private double elapsedSeconds() {
        return priorSeconds + (sessionStart == 0 ? 0 : (System.nanoTime() - sessionStart) / 1e9);
    }

    /** The guided-alignment cost of a batch's pairs, or null when guided alignment is off. */
    private AlignmentGuide guide(Batch batch) {
        if (alignments == null) {
            return null;
        }
        int[][] links = new int[batch.size()][];
        for (int b = 0; b < links.length; b++) {
            links[b] = alignments[Math.toIntExact(batch.indices()[b])];
        }
        return new AlignmentGuide(t.guidedAlignment, links);
    }

    /**
     * The dropout masks of a batch depend only on the seed, the step and the batch's place among
     * those accumulated into the step (always 0 without accumulation).
     */
    private long dropoutSeed(long atStep, int batchOfStep) {
        return t.seed * 0x9E3779B97F4A7C15L + atStep * t.accumSteps + batchOfStep;
    }

    private String bestText() {
        double best = earlyStopping.bestScore();
        return Double.isInfinite(best)
                ? "(no validation)"
                : String.format(Locale.ROOT, "%.2f at step %d", best, earlyStopping.bestStep());
    }

    /** The losses of the batches of one update (several with gradient accumulation). */
    private static final class Update {
        private double lossSum;
        private double meanLoss;
        private long tokens;

        void add(LossResult result, long targetTokens) {
            lossSum += result.loss();
            meanLoss += result.meanLoss();
            tokens += targetTokens;
        }
    }

    /** Loss, norm and throughput averaged over the steps since the last report. */
    private static final class ReportWindow {
        private double loss;
        private double norm;
        private long tokens;
        private int steps;
        private long start = System.nanoTime();

        void add(Update update, double gradNorm) {
            loss += update.lossSum;
            tokens += update.tokens;
            norm += gradNorm;
            steps++;
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
