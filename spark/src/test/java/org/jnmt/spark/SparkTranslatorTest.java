package org.jnmt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.jnmt.api.TinyModel;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Translation on Spark in local mode, two task slots and one retry per task ({@code local[2,2]}),
 * checked against {@code nmt translate} on the same input.
 */
class SparkTranslatorTest {

    /** Partitions of the 60-line input: more than the two task slots, so that translators are reused. */
    private static final int PARTITIONS = 4;

    static SparkSession spark;
    static JavaSparkContext context;

    @BeforeAll
    static void start() {
        TestModel.root();
        spark = LocalSpark.start("local[2,2]", "jnmt-spark-test");
        context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aTextFileIsTranslatedLineForLineAsNmtTranslateDoes() throws IOException {
        Path input = TestModel.hostileInput("hostile.txt");
        String[] cli = TestModel.cliTranslation(input, "--beam", "2");
        Path output = TestModel.root().resolve("spark-out");

        TextFileTranslation result = new SparkTranslator(TestModel.modelDir().toString())
                .withOptions(options -> options.withBeam(2))
                .translateTextFile(
                        context, input.toUri().toString(), output.toUri().toString(), PARTITIONS);

        assertEquals(cli[0], TestModel.concatenatedParts(output));
        assertEquals(60, cli[0].split("\n", -1).length - 1, "the reference has one line per input line");
        assertEquals(60, result.lines());
        assertEquals(1, result.invalidLines());
        assertTrue(result.partitions() >= PARTITIONS, "partitions: " + result.partitions());
        int loads =
                ExecutorTranslators.loads(new ModelLocation(TestModel.modelDir().toString()));
        assertTrue(loads >= 1 && loads <= 2, "one model per task slot, not per task: " + loads + " loads");
        NmtException exists = assertThrows(
                NmtException.class,
                () -> new SparkTranslator(TestModel.modelDir().toString())
                        .translateTextFile(context, input.toString(), output.toString(), 1));
        assertTrue(exists.getMessage().contains("exists already"), exists.getMessage());
    }

    @Test
    void aTaskWhoseFirstAttemptFailsIsRetriedWithoutLostOrRepeatedLines() throws IOException {
        Path input = TestModel.hostileInput("retried.txt");
        String[] cli = TestModel.cliTranslation(input);
        Path output = TestModel.root().resolve("spark-retried");
        LongAccumulator lines = context.sc().longAccumulator();
        LongAccumulator invalid = context.sc().longAccumulator();
        FailOnce.failures.set(0);

        new SparkTranslator(TestModel.modelDir().toString())
                .translateLines(context, input.toUri().toString(), PARTITIONS, lines, invalid)
                .mapPartitions(new FailOnce())
                .saveAsTextFile(output.toUri().toString());

        assertEquals(1, FailOnce.failures.get(), "the first attempt of partition 1 failed");
        assertEquals(cli[0], TestModel.concatenatedParts(output));
        assertEquals(60, lines.value(), "the failed attempt's counts are dropped");
        assertEquals(1, invalid.value());
    }

    @Test
    void aDatasetGetsATranslationColumnRowByRow() throws IOException {
        List<String> sources =
                Files.readAllLines(TinyModel.testSources(TestModel.root())).subList(0, 20);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            rows.add(RowFactory.create(i, i == 5 ? null : sources.get(i)));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("de", DataTypes.StringType);
        Dataset<Row> data = spark.createDataFrame(rows, schema).repartition(3);

        // The model as a zip at a path the executors can read, unpacked where it is loaded.
        SparkTranslator translator =
                new SparkTranslator(TestModel.zippedModel("dataset-model.zip").toString());
        List<Row> out = translator.translate(data, "de", "en").collectAsList();

        assertEquals(
                List.of("id", "de", "en"),
                List.of(translator.translate(data, "de", "en").columns()));
        assertEquals(sources.size(), out.size());
        try (Translator local = Translator.load(TestModel.modelDir())) {
            for (Row row : out) {
                int id = row.getInt(0);
                if (id == 5) {
                    assertNull(row.get(2));
                } else {
                    Translation expected = local.translate(sources.get(id));
                    assertEquals(sources.get(id), row.getString(1));
                    assertEquals(expected.text(), row.getString(2), "row " + id);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> translator.translate(data, "fr", "en"));
        assertThrows(IllegalArgumentException.class, () -> translator.translate(data, "id", "en"));
        assertThrows(IllegalArgumentException.class, () -> translator.translate(data, "de", "id"));
    }

    /** Passes a partition's lines on, except in the first attempt of partition 1, which fails after two lines. */
    static final class FailOnce implements FlatMapFunction<Iterator<String>, String> {

        static final AtomicInteger failures = new AtomicInteger();

        @Override
        public Iterator<String> call(Iterator<String> lines) {
            TaskContext task = TaskContext.get();
            if (task.partitionId() != 1 || task.attemptNumber() != 0) {
                return lines;
            }
            return new Iterator<>() {
                private int passed;

                @Override
                public boolean hasNext() {
                    return lines.hasNext();
                }

                @Override
                public String next() {
                    if (passed == 2) {
                        failures.incrementAndGet();
                        throw new IllegalStateException("first attempt of partition 1 fails on purpose");
                    }
                    if (!lines.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    passed++;
                    return lines.next();
                }
            };
        }
    }
}
