package org.jnmt.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;

/**
 * A partition translated lazily, one batch of {@code options.batchSize()} items at a time, in input
 * order: memory is bounded by a batch whatever the partition's size.
 *
 * @param <T> an input item (a line, a row)
 * @param <R> an output item
 */
final class BatchTranslation<T, R> implements Iterator<R> {

    private final Iterator<T> input;
    private final Function<T, String> sentence;
    private final BiFunction<T, String, R> result;
    private final Translator translator;
    private final TranslationOptions options;
    private final Queue<R> ready = new ArrayDeque<>();

    /**
     * @param sentence the sentence of an item, or null for an item with nothing to translate; applied
     *                 as soon as the item is read (Hadoop's record readers reuse their objects)
     * @param result   the output item of an input item and its translation (null when its sentence was)
     */
    BatchTranslation(
            Iterator<T> input,
            Function<T, String> sentence,
            BiFunction<T, String, R> result,
            Translator translator,
            TranslationOptions options) {
        this.input = input;
        this.sentence = sentence;
        this.result = result;
        this.translator = translator;
        this.options = options;
    }

    @Override
    public boolean hasNext() {
        if (ready.isEmpty() && input.hasNext()) {
            translateNextBatch();
        }
        return !ready.isEmpty();
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.remove();
    }

    private void translateNextBatch() {
        List<T> items = new ArrayList<>(options.batchSize());
        List<String> sentences = new ArrayList<>(options.batchSize());
        while (items.size() < options.batchSize() && input.hasNext()) {
            T item = input.next();
            items.add(item);
            sentences.add(sentence.apply(item));
        }
        List<String> toTranslate = sentences.stream().filter(Objects::nonNull).toList();
        Iterator<Translation> translations =
                translator.translate(toTranslate, options).iterator();
        for (int i = 0; i < items.size(); i++) {
            ready.add(result.apply(
                    items.get(i),
                    sentences.get(i) == null ? null : translations.next().text()));
        }
    }
}
