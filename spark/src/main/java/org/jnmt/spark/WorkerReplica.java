package org.jnmt.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.jnmt.config.NmtConfig;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.train.AdamOptimizer;
import org.jnmt.train.LocalSteps;
import org.jnmt.train.Update;

/**
 * A data-parallel worker on an executor: a model, an optimiser and {@link LocalSteps} on its shard,
 * kept by the executor JVM from round to round so that only the state moves. Everything a round
 * computes follows from the {@link RoundStart} (the shard's seed is training.seed plus the shard's
 * index, so shard 0 of one trains as {@code nmt train}), so a replica made anew on another executor
 * trains the same.
 */
final class WorkerReplica {

    /** The replicas of the latest run this JVM worked for, by shard. */
    private static final Map<Integer, WorkerReplica> REPLICAS = new ConcurrentHashMap<>();

    private static volatile String currentRun;

    private final int shard;
    private final Seq2SeqModel model;
    private final AdamOptimizer adam;
    private final LocalSteps steps;

    private WorkerReplica(WorkerSetup setup, TrainingShard shard) {
        NmtConfig config = setup.config();
        this.shard = shard.index();
        this.model = WorkerSetup.newModel(config, setup.sourceVocabulary(), setup.targetVocabulary());
        this.adam = AdamOptimizer.fromConfig(model.parameters(), config.training);
        this.steps = new LocalSteps(
                model, adam, config.training, shard.corpus(), config.training.seed + shard.index(), null);
    }

    /** The replica of {@code shard} in this JVM, made if there is none yet. */
    static WorkerReplica of(WorkerSetup setup, TrainingShard shard) {
        synchronized (REPLICAS) {
            if (!setup.run().equals(currentRun)) {
                REPLICAS.clear(); // an earlier run's (in local mode, or a reused executor)
                currentRun = setup.run();
            }
        }
        return REPLICAS.computeIfAbsent(shard.index(), index -> {
            TaskContext task = TaskContext.get();
            // One BLAS thread per CPU the task was given (spark.task.cpus, 1 by default); the first
            // start in a JVM decides.
            Backend.start(task == null ? 1 : task.cpus());
            return new WorkerReplica(setup, shard);
        });
    }

    /** Makes the round's updates on this worker's shard from the broadcast state. */
    WorkerResult train(RoundStart start) {
        long begin = System.nanoTime();
        TrainingStateVector.assign(start.state(), model.parameters(), adam, start.step());
        adam.setLearningRate(start.learningRate());
        steps.moveTo(start.epochs()[shard], start.batchesInEpoch()[shard]);
        double lossSum = 0;
        long tokens = 0;
        double norms = 0;
        int applied = 0;
        while (applied < start.steps()) {
            if (!steps.hasNext()) {
                steps.nextEpoch();
            }
            Update update = steps.next(start.step() + applied, Double.POSITIVE_INFINITY);
            if (update.steps() > 0) {
                applied += update.steps();
                lossSum += update.lossSum();
                tokens += update.targetTokens();
                norms += update.gradNormSum();
            }
        }
        if (!steps.hasNext()) {
            steps.nextEpoch(); // an epoch whose last batch was trained is over, as in one process
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        WorkerResult.Report report =
                new WorkerResult.Report(shard, steps.epoch(), steps.batchesInEpoch(), lossSum, tokens, norms, millis);
        return new WorkerResult(report, TrainingStateVector.of(model.parameters(), adam));
    }
}
