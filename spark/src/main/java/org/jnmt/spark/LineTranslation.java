package org.jnmt.spark;

import java.util.Iterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;
import org.jnmt.data.LineReader;
import scala.Tuple2;

/**
 * Translates the lines of one partition of a text file, keyed by their byte offsets, with the rules
 * of {@code nmt translate}: one output line per input line; an empty line gives an empty line; a
 * line that is not valid UTF-8 gives an empty line, a warning on the executor's stderr and a count.
 */
final class LineTranslation implements FlatMapFunction<Iterator<Tuple2<LongWritable, Text>>, String> {

    private static final long serialVersionUID = 1L;

    private final ModelLocation model;
    private final Function<TranslationOptions, TranslationOptions> options;
    private final String inputName;
    private final LongAccumulator lines;
    private final LongAccumulator invalidLines;

    LineTranslation(
            ModelLocation model,
            Function<TranslationOptions, TranslationOptions> options,
            String inputName,
            LongAccumulator lines,
            LongAccumulator invalidLines) {
        this.model = model;
        this.options = options;
        this.inputName = inputName;
        this.lines = lines;
        this.invalidLines = invalidLines;
    }

    @Override
    public Iterator<String> call(Iterator<Tuple2<LongWritable, Text>> records) throws Exception {
        Translator translator = ExecutorTranslators.forThisTask(model);
        return new BatchTranslation<>(
                records,
                this::sentence,
                (record, translation) -> translation,
                translator,
                options.call(translator.defaults()));
    }

    private String sentence(Tuple2<LongWritable, Text> record) {
        Text bytes = record._2();
        long offset = record._1().get();
        LineReader.Line line = LineReader.line(offset, bytes.getBytes(), bytes.getLength());
        lines.add(1);
        if (!line.valid()) {
            invalidLines.add(1);
            System.err.println("warning: " + inputName + ": the line at byte " + offset
                    + ": invalid UTF-8 byte sequence; its translation is an empty line");
            return "";
        }
        return line.text();
    }
}
