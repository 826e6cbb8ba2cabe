package org.jnmt.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jnmt.api.ModelDirectory;
import org.jnmt.data.PreparedData;
import org.jnmt.model.Backend;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.train.AdamOptimizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Model averaging's building blocks: a replica's state as a vector, and its mean over replicas on Spark. */
class StateAverageTest {

    /** The Multi30k recipe's parameters (config/multi30k-de-en.yaml, its BPE vocabularies). */
    private static final int RECIPE_PARAMETERS = 11_519_018;

    static SparkSession spark;
    static JavaSparkContext context;

    @BeforeAll
    static void start() {
        TestModel.root();
        spark = LocalSpark.start("local[2]", "jnmt-averaging-test");
        context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void identicalReplicasAverageToThemselvesBitForBit() {
        ModelDirectory directory = ModelDirectory.open(TestModel.modelDir());
        PreparedData.Pipelines pipelines = directory.pipelines();
        Backend.start(1);
        Seq2SeqModel model = directory.loadModel(pipelines);
        AdamOptimizer adam = new AdamOptimizer(model.parameters(), 1e-3, 0.9, 0.999, 1e-8);
        Nd4j.getRandom().setSeed(3);
        Map<String, INDArray> moments = new LinkedHashMap<>();
        adam.stateTensors().forEach((name, m) -> moments.put(name, Nd4j.rand(DataType.FLOAT, m.shape())));
        adam.importState(7, moments);
        float[] state = TrainingStateVector.of(model.parameters(), adam);

        float[] mean = StateAverage.of(context.parallelize(List.of(state, state, state), 3), 2);
        assertArrayEquals(state, mean);

        Seq2SeqModel other =
                new Seq2SeqModel(directory.dimensions(pipelines), directory.config().model, DataType.FLOAT);
        AdamOptimizer otherAdam = new AdamOptimizer(other.parameters(), 1e-3, 0.9, 0.999, 1e-8);
        TrainingStateVector.assign(mean, other.parameters(), otherAdam, adam.steps());
        for (String name : model.parameters().names()) {
            assertEquals(
                    model.parameters().get(name).value(),
                    other.parameters().get(name).value(),
                    name);
        }
        moments.forEach((name, m) -> assertEquals(m, otherAdam.stateTensors().get(name), name));
        assertNotEquals(0, state[state.length - 1], "the moments are in the vector");
    }

    @Test
    void theMeanIsElementWiseAndTheZeroValueIsEmpty() {
        StateAverage sum = new StateAverage()
                .merge(new StateAverage())
                .add(new float[] {1, 2, 3})
                .merge(new StateAverage().add(new float[] {3, 5, -3}))
                .merge(new StateAverage())
                .add(new float[] {2, 2, 0});
        assertEquals(3, sum.count());
        assertArrayEquals(new float[] {2, 3, 0}, sum.mean());
    }

    /**
     * One round on local[2] with the recipe's weights: two replicas to their mean on the driver. (Weights
     * and both moments, three times this, ran out of a 3 GB heap: in local mode the driver, the
     * executor, the cached replicas and the serialised results share one heap.)
     */
    @Test
    void aRoundOfTheRecipesWeights() {
        int length = RECIPE_PARAMETERS;
        JavaRDD<float[]> replicas = context.parallelize(List.of(0, 1), 2)
                .map(replica -> {
                    float[] state = new float[length];
                    for (int i = 0; i < length; i++) {
                        state[i] = replica + i % 7;
                    }
                    return state;
                })
                .cache();
        assertEquals(2, replicas.count());

        long start = System.nanoTime();
        float[] mean = StateAverage.of(replicas, 2);
        long millis = (System.nanoTime() - start) / 1_000_000;

        for (int i = 0; i < length; i += 1_000_003) {
            assertEquals(0.5f + i % 7, mean[i], "value " + i);
        }
        replicas.unpersist();
        System.err.printf(
                Locale.ROOT,
                "averaging round: 2 replicas of %,d floats (%.0f MB each), %.0f MB of floats "
                        + "sent to the driver, %d ms%n",
                length,
                length * 4 / 1e6,
                2 * length * 4 / 1e6,
                millis);
    }
}
