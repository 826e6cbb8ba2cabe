package org.jnmt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jnmt.data.LineReader;

/**
 * Input lines read ahead by a background thread and handed out in batches of what has arrived: a
 * batch waits for its first line only, never for more. So a pipe or a terminal is translated line
 * by line as the lines come, while a file (read faster than it is translated) gives full batches.
 */
final class LineBatches implements AutoCloseable {

    /** A line, the end of the input, or the failure that ended the reading. */
    private record Item(LineReader.Line line, RuntimeException failure) {}

    private static final Item END = new Item(null, null);

    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private boolean ended;
    private RuntimeException failure;

    /** Starts reading {@code reader} (which the reading thread closes at the end) up to {@code capacity} lines ahead. */
    LineBatches(LineReader reader, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> readAll(reader), "nmt-input");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll(LineReader reader) {
        try (reader) {
            Item item;
            try {
                LineReader.Line line;
                while ((line = reader.next()) != null) {
                    queue.put(new Item(line, null));
                }
                item = END;
            } catch (RuntimeException e) {
                item = new Item(null, e);
            }
            queue.put(item);
        } catch (InterruptedException e) {
            // close(): the consumer has stopped, nobody reads the queue any more.
        }
    }

    /**
     * Waits for the next line, then takes up to {@code max} lines that have already arrived; an
     * empty list at the end of the input. A read error is thrown here, after the lines before it.
     */
    List<LineReader.Line> next(int max) {
        if (failure != null) {
            throw failure;
        }
        List<LineReader.Line> lines = new ArrayList<>();
        if (ended) {
            return lines;
        }
        List<Item> items = new ArrayList<>(max);
        try {
            items.add(queue.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for input", e);
        }
        queue.drainTo(items, max - 1);
        for (Item item : items) {
            if (item.failure() != null) {
                failure = item.failure();
                break;
            }
            // END is a sentinel: only that very object marks the end, whatever its fields.
            @SuppressWarnings("ReferenceEquality")
            boolean isEnd = item == END;
            if (isEnd) {
                ended = true;
                break;
            }
            lines.add(item.line());
        }
        if (lines.isEmpty() && failure != null) {
            throw failure;
        }
        return lines;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
