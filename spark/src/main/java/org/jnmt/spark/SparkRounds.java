package org.jnmt.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.jnmt.config.TrainingConfig;
import org.jnmt.data.Batcher;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.train.AdamOptimizer;
import org.jnmt.train.DataParallelState;
import org.jnmt.train.Trainer;
import org.jnmt.train.TrainingState;
import org.jnmt.train.Update;
import org.jnmt.train.UpdateSource;
import org.jnmt.util.NmtException;

/**
 * Data-parallel updates for a {@link Trainer} on the driver, by periodic model averaging: the
 * training data is split into N shards, each broadcast once and cached on the executor that trains
 * it (a task carries only its shard's index, not its pairs); in each round every worker starts
 * from the driver's weights and Adam moments (broadcast), makes the round's updates on its own
 * shard ({@link WorkerReplica}), and the mean of the workers' weights and moments, reduced with
 * {@code treeAggregate}, becomes the driver's. The trainer validates, stops and checkpoints between
 * rounds; the checkpoints hold the round and every worker's position in its shard.
 */
public final class SparkRounds implements UpdateSource, AutoCloseable {

    private final JavaSparkContext context;
    private final TrainingConfig t;
    private final Seq2SeqModel model;
    private final AdamOptimizer adam;
    private final AveragingSchedule schedule;
    private final int workers;
    private final List<Broadcast<TrainingShard>> shardData;
    private final JavaRDD<TrainingShard> shards;
    private final Broadcast<WorkerSetup> setup;
    private final long batchesPerEpoch;
    private final RoundCosts costs = new RoundCosts();

    private long round;
    private int epoch = 1;
    private final int[] epochs;
    private final long[] batchesInEpoch;

    /**
     * @param model       the driver's model, which each round's mean is written into
     * @param adam        its optimiser (the trainer's)
     * @param workers     N, the number of shards and workers
     * @param every       updates between averagings after the warm-up (K)
     * @param warmupSteps updates averaged one by one first
     */
    public SparkRounds(
            JavaSparkContext context,
            NmtConfig config,
            PreparedData data,
            Seq2SeqModel model,
            AdamOptimizer adam,
            int workers,
            int every,
            long warmupSteps) {
        if (config.training.guidedAlignment > 0) {
            throw new NmtException("training.guided_alignment is not supported by the Spark trainer yet: set it to 0,"
                    + " or train with nmt train");
        }
        if (workers > data.train().size()) {
            throw new NmtException("cannot split " + data.train().size() + " training pairs among " + workers
                    + " workers; give --workers " + data.train().size() + " or fewer");
        }
        this.context = context;
        this.t = config.training;
        this.model = model;
        this.adam = adam;
        this.schedule = new AveragingSchedule(every, warmupSteps);
        this.workers = workers;
        this.epochs = new int[workers];
        this.batchesInEpoch = new long[workers];
        Arrays.fill(epochs, 1);
        List<TrainingShard> split = TrainingShard.split(data.train(), workers);
        this.batchesPerEpoch = split.stream()
                .mapToLong(shard -> new Batcher(shard.corpus(), t.batchSize, t.batchType, t.seed)
                        .plan(1)
                        .size())
                .max()
                .orElse(0);
        // parallelize(split) would put each shard's pairs into its partition, which every task of every
        // round carries; a broadcast reaches each executor once, and the cache keeps it there.
        List<Broadcast<TrainingShard>> broadcastShards = new ArrayList<>();
        for (TrainingShard shard : split) {
            broadcastShards.add(context.broadcast(shard));
        }
        this.shardData = broadcastShards;
        this.shards = context.parallelize(IntStream.range(0, workers).boxed().toList(), workers)
                .map(index -> broadcastShards.get(index).value())
                .cache();
        this.setup = context.broadcast(new WorkerSetup(
                UUID.randomUUID().toString(),
                ConfigLoader.toYaml(config),
                data.pipelines().source().vocabulary().size(),
                data.pipelines().target().vocabulary().size()));
    }

    @Override
    public long batchesPerEpoch() {
        return batchesPerEpoch;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    /** The batches of the current epoch the workers trained on, together. */
    @Override
    public long batchesInEpoch() {
        long sum = 0;
        for (int i = 0; i < workers; i++) {
            sum += epochs[i] == epoch ? batchesInEpoch[i] : 0;
        }
        return sum;
    }

    /** Whether a worker is still in the current epoch (the slowest decides when it ends). */
    @Override
    public boolean hasNext() {
        return Arrays.stream(epochs).min().orElse(epoch) <= epoch;
    }

    @Override
    public Update next(long step, double secondsLeft) {
        int steps = schedule.roundSteps(step);
        if (t.maxSteps > 0) {
            steps = Math.toIntExact(Math.min(steps, t.maxSteps - step));
        }
        steps = costs.stepsThatFit(steps, secondsLeft);
        long start = System.nanoTime();
        float[] state = TrainingStateVector.of(model.parameters(), adam);
        Broadcast<RoundStart> roundStart = context.broadcast(
                new RoundStart(state, step, adam.learningRate(), steps, epochs.clone(), batchesInEpoch.clone()));
        Broadcast<WorkerSetup> workerSetup = setup;
        RoundAggregate result = shards.map(
                        shard -> WorkerReplica.of(workerSetup.value(), shard).train(roundStart.value()))
                .treeAggregate(new RoundAggregate(), RoundAggregate::add, RoundAggregate::merge, 2);
        TrainingStateVector.assign(result.meanState(), model.parameters(), adam, step + steps);
        roundStart.destroy();
        round++;
        double lossSum = 0;
        long tokens = 0;
        double norms = 0;
        long slowest = 0;
        for (WorkerResult.Report report : result.reports()) {
            epochs[report.shard()] = report.epoch();
            batchesInEpoch[report.shard()] = report.batchesInEpoch();
            lossSum += report.lossSum();
            tokens += report.targetTokens();
            norms += report.gradNormSum();
            slowest = Math.max(slowest, report.trainMillis());
        }
        costs.add(steps, (System.nanoTime() - start) / 1_000_000, slowest, state.length);
        return new Update(steps, lossSum, tokens, norms / workers);
    }

    @Override
    public void nextEpoch() {
        epoch++;
    }

    @Override
    public void restore(TrainingState state) {
        DataParallelState saved = state.dataParallel();
        if (saved == null) {
            throw new NmtException("the checkpoint at step " + state.step() + " was written by nmt train, not by "
                    + "data-parallel training; resume it with nmt train");
        }
        if (saved.workers().size() != workers) {
            throw new NmtException("the run was trained with " + saved.workers().size() + " workers, not " + workers
                    + "; resume it with --workers " + saved.workers().size());
        }
        epoch = state.epoch();
        round = saved.round();
        for (int i = 0; i < workers; i++) {
            epochs[i] = saved.workers().get(i).epoch();
            batchesInEpoch[i] = saved.workers().get(i).batchesInEpoch();
        }
    }

    @Override
    public DataParallelState dataParallelState() {
        List<DataParallelState.Position> positions = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            positions.add(new DataParallelState.Position(epochs[i], batchesInEpoch[i]));
        }
        return new DataParallelState(round, positions);
    }

    /** Averaging rounds done so far. */
    public long rounds() {
        return round;
    }

    /** What the rounds of this session cost, in one line. */
    public String costSummary() {
        return costs.summary(workers);
    }

    /** Frees the cached shards and the broadcasts. */
    @Override
    public void close() {
        shards.unpersist(false);
        shardData.forEach(Broadcast::destroy);
        setup.destroy();
    }
}
