package org.jnmt.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.Function1;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;

/**
 * The cost of one averaging round without the training in it, both ways Spark offers: (1) a short
 * job per round, the state broadcast and the workers' states reduced with treeAggregate on the
 * driver (what {@link SparkRounds} does); (2) one long barrier stage whose tasks exchange their
 * states each round with {@link BarrierTaskContext#allGather} (strings through the driver's RPC, so
 * the state goes Base64-encoded, in chunks under spark.rpc.message.maxSize) and average them
 * themselves. Run by hand (not a test):
 *
 * <pre>
 * java -Xmx4g -cp CLASSPATH org.jnmt.spark.RoundCostBenchmark MASTER WORKERS FLOATS ROUNDS
 * </pre>
 */
public final class RoundCostBenchmark {

    /** allGather messages stay well under the 128 MB default of spark.rpc.message.maxSize. */
    private static final int CHUNK_FLOATS = 8 << 20;

    private RoundCostBenchmark() {}

    public static void main(String[] args) {
        String master = args[0];
        int workers = Integer.parseInt(args[1]);
        int floats = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        SparkSession spark = LocalSpark.start(master, "jnmt-round-cost");
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                ids.add(i);
            }
            JavaRDD<Integer> partitions = context.parallelize(ids, workers).cache();
            partitions.count();
            float[] state = new float[floats];
            Arrays.fill(state, 1f);
            treeAggregateRounds(context, partitions, state, 1); // warm-up
            double perRound = treeAggregateRounds(context, partitions, state, rounds);
            report("treeAggregate", workers, floats, perRound);
            barrierRounds(partitions, floats, 1); // warm-up
            double barrier = barrierRounds(partitions, floats, rounds);
            report("barrier allGather", workers, floats, barrier);
        } finally {
            spark.stop();
        }
    }

    private static void report(String way, int workers, int floats, double millis) {
        System.out.printf(
                Locale.ROOT,
                "round-cost: %s, %d workers, %,d floats (%.1f MB): %.0f ms a round%n",
                way,
                workers,
                floats,
                floats * 4 / 1e6,
                millis);
    }

    /** Milliseconds a round: broadcast, a job whose tasks return a changed copy, the mean on the driver. */
    private static double treeAggregateRounds(
            JavaSparkContext context, JavaRDD<Integer> partitions, float[] start, int rounds) {
        float[] state = start;
        long begin = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            Broadcast<float[]> shared = context.broadcast(state);
            JavaRDD<float[]> replicas = partitions.map(worker -> {
                float[] own = shared.value().clone();
                own[0] += worker; // stands for the worker's updates
                return own;
            });
            state = StateAverage.of(replicas, 2);
            shared.destroy();
        }
        return (System.nanoTime() - begin) / 1e6 / rounds;
    }

    /** Milliseconds a round inside one barrier stage of {@code rounds} rounds (its start-up included). */
    private static double barrierRounds(JavaRDD<Integer> partitions, int floats, int rounds) {
        long begin = System.nanoTime();
        partitions
                .rdd()
                .barrier()
                .mapPartitions(
                        (Function1<Iterator<Integer>, Iterator<Float>> & Serializable) workers -> {
                            BarrierTaskContext task = BarrierTaskContext.get();
                            float[] own = new float[floats];
                            Arrays.fill(own, 1f);
                            for (int round = 0; round < rounds; round++) {
                                own[0] += task.partitionId();
                                own = averageWithOthers(task, own);
                            }
                            return CollectionConverters.asScala(List.of(own[0]).iterator());
                        },
                        false,
                        ClassTag$.MODULE$.apply(Float.class))
                .count();
        return (System.nanoTime() - begin) / 1e6 / rounds;
    }

    /** The mean of every task's state, gathered chunk by chunk through the driver. */
    private static float[] averageWithOthers(BarrierTaskContext task, float[] own) {
        double[] sum = new double[own.length];
        int tasks = 0;
        for (int from = 0; from < own.length; from += CHUNK_FLOATS) {
            int length = Math.min(CHUNK_FLOATS, own.length - from);
            ByteBuffer bytes = ByteBuffer.allocate(length * 4);
            bytes.asFloatBuffer().put(own, from, length);
            String[] all = task.allGather(Base64.getEncoder().encodeToString(bytes.array()));
            tasks = all.length;
            for (String message : all) {
                float[] chunk = new float[length];
                ByteBuffer.wrap(Base64.getDecoder().decode(message))
                        .asFloatBuffer()
                        .get(chunk);
                for (int i = 0; i < length; i++) {
                    sum[from + i] += chunk[i];
                }
            }
        }
        float[] mean = new float[own.length];
        for (int i = 0; i < own.length; i++) {
            mean[i] = (float) (sum[i] / tasks);
        }
        return mean;
    }
}
