package org.jnmt.spark;

import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.jnmt.api.TranslationOptions;
import org.jnmt.util.NmtException;

/**
 * Translation on Spark: a column of a {@link Dataset}, or a text file into another. Executors load
 * the model once per task slot and keep it for the JVM's lifetime (see {@link ExecutorTranslators});
 * each partition is translated in batches of the options' batch size, in input order.
 *
 * <pre>{@code
 * SparkTranslator translator = new SparkTranslator("model.zip").withOptions(o -> o.withBeam(5));
 * Dataset<Row> out = translator.translate(sentences, "de", "en");
 * }</pre>
 */
public final class SparkTranslator implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Hadoop's text input ends lines at \r and \r\n too; nmt translate at \n only (dropping a \r before it). */
    private static final String LINE_DELIMITER = "\n";

    private final ModelLocation model;
    private final Function<TranslationOptions, TranslationOptions> options;

    /**
     * @param model a model directory every executor can read, or a zip of one: at a path every
     *              executor can read, or the name of a file shipped with {@code spark-submit --files}
     */
    public SparkTranslator(String model) {
        this(new ModelLocation(model), SparkTranslator::unchanged);
    }

    private SparkTranslator(ModelLocation model, Function<TranslationOptions, TranslationOptions> options) {
        this.model = model;
        this.options = options;
    }

    /** The search options, as a change of the model's defaults (its {@code testing:} section), applied where it is loaded. */
    public SparkTranslator withOptions(Function<TranslationOptions, TranslationOptions> change) {
        return new SparkTranslator(model, change);
    }

    /**
     * {@code data} with a string column {@code outputColumn} appended: the translation of the string
     * column {@code inputColumn} (null for null), row by row in the same order and partitioning.
     */
    public Dataset<Row> translate(Dataset<Row> data, String inputColumn, String outputColumn) {
        StructType schema = data.schema();
        int index = schema.getFieldIndex(inputColumn).getOrElse(() -> -1);
        if (index < 0 || !schema.fields()[index].dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("no string column '" + inputColumn + "' in " + schema.simpleString());
        }
        if (schema.getFieldIndex(outputColumn).isDefined()) {
            throw new IllegalArgumentException("the column '" + outputColumn + "' exists already");
        }
        StructType output = schema.add(outputColumn, DataTypes.StringType, true);
        return data.mapPartitions(new RowTranslation(model, options, index), Encoders.row(output));
    }

    /**
     * The translations of the lines of a text file (any Hadoop filesystem path or glob), one per
     * line and in the same order, in at least {@code minPartitions} partitions (0: Spark's default).
     * The accumulators count the lines read and those that were not valid UTF-8.
     */
    public JavaRDD<String> translateLines(
            JavaSparkContext spark,
            String input,
            int minPartitions,
            LongAccumulator lines,
            LongAccumulator invalidLines) {
        JobConf conf = new JobConf(spark.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", LINE_DELIMITER);
        requireInput(conf, input);
        FileInputFormat.setInputPaths(conf, input);
        int partitions = minPartitions > 0 ? minPartitions : spark.defaultMinPartitions();
        return spark.hadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class, partitions)
                .mapPartitions(new LineTranslation(model, options, input, lines, invalidLines));
    }

    /**
     * Translates a text file into the directory {@code output} (which must not exist): its part files
     * in name order are the translation, line i of input line i. Spark commits one attempt of each
     * task, so a task that failed and was retried leaves no partial or repeated lines.
     */
    public TextFileTranslation translateTextFile(
            JavaSparkContext spark, String input, String output, int minPartitions) {
        requireNewOutput(spark.hadoopConfiguration(), output);
        LongAccumulator lines = spark.sc().longAccumulator("jnmt lines");
        LongAccumulator invalid = spark.sc().longAccumulator("jnmt invalid UTF-8 lines");
        JavaRDD<String> translations = translateLines(spark, input, minPartitions, lines, invalid);
        translations.saveAsTextFile(output);
        return new TextFileTranslation(lines.value(), invalid.value(), translations.getNumPartitions());
    }

    private static void requireInput(Configuration conf, String input) {
        try {
            Path path = new Path(input);
            FileStatus[] found = path.getFileSystem(conf).globStatus(path);
            if (found == null || found.length == 0) {
                throw new NmtException(input + ": file not found");
            }
        } catch (IOException e) {
            throw new NmtException(input + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void requireNewOutput(Configuration conf, String output) {
        try {
            Path path = new Path(output);
            FileSystem fs = path.getFileSystem(conf);
            if (fs.exists(path)) {
                throw new NmtException(output + ": exists already; give a new directory for Spark to write");
            }
        } catch (IOException e) {
            throw new NmtException(output + ": cannot check the output: " + e.getMessage(), e);
        }
    }

    private static TranslationOptions unchanged(TranslationOptions defaults) {
        return defaults;
    }
}
