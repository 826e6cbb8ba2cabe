package org.jnmt.spark;

import java.util.Iterator;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;

/** Appends the translation of one string column to each row of a partition (null for null). */
final class RowTranslation implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final ModelLocation model;
    private final Function<TranslationOptions, TranslationOptions> options;
    private final int inputIndex;

    RowTranslation(ModelLocation model, Function<TranslationOptions, TranslationOptions> options, int inputIndex) {
        this.model = model;
        this.options = options;
        this.inputIndex = inputIndex;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws Exception {
        Translator translator = ExecutorTranslators.forThisTask(model);
        return new BatchTranslation<>(
                rows,
                row -> row.isNullAt(inputIndex) ? null : row.getString(inputIndex),
                RowTranslation::withTranslation,
                translator,
                options.call(translator.defaults()));
    }

    private static Row withTranslation(Row row, String translation) {
        Object[] values = new Object[row.length() + 1];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        values[row.length()] = translation;
        return RowFactory.create(values);
    }
}
