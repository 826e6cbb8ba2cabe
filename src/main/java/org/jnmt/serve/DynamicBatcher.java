package org.jnmt.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;
import org.jnmt.api.Translator;

/**
 * Dynamic batching for one model: requests queue here, and a worker thread per model instance
 * takes what is waiting (the sentences of every queued request with the same search options, up
 * to the batch size), waits a few milliseconds more if the batch is not full, and decodes them in
 * one call. The decoders' results do not depend on batch-mates, so batching changes speed only.
 * With batching off each request is decoded on its own.
 */
final class DynamicBatcher implements AutoCloseable {

    /** A request's sentences, their forced prefixes (entries may be null) and its options. */
    record Job(
            List<String> sentences,
            List<String> prefixes,
            TranslationOptions options,
            CompletableFuture<List<List<Translation>>> result) {}

    private final Translator translator;
    private final int maxBatch;
    private final long windowNanos;
    private final boolean batching;
    private final Metrics metrics;
    private final Deque<Job> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;

    DynamicBatcher(Translator translator, String modelName, int workerCount, ServerLimits limits, Metrics metrics) {
        this.translator = translator;
        this.maxBatch = translator.defaults().batchSize();
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(limits.batchWindowMillis());
        this.batching = limits.batching();
        this.metrics = metrics;
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(this::work, "nmt-serve-" + modelName + "-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** Queues a request; the future completes with its n-best lists, in input order. */
    CompletableFuture<List<List<Translation>>> submit(
            List<String> sentences, List<String> prefixes, TranslationOptions options) {
        Job job = new Job(sentences, prefixes, options, new CompletableFuture<>());
        lock.lock();
        try {
            if (closed) {
                throw new BadRequest(503, "The server is shutting down.");
            }
            queue.addLast(job);
            arrived.signal();
        } finally {
            lock.unlock();
        }
        return job.result();
    }

    private void work() {
        while (true) {
            List<Job> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            decode(batch);
        }
    }

    /** Blocks for the first job, then gathers compatible ones; null once closed and drained. */
    private List<Job> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return null;
                }
                arrived.await();
            }
            Job first = queue.pollFirst();
            List<Job> batch = new ArrayList<>();
            batch.add(first);
            if (!batching) {
                return batch;
            }
            int sentences = first.sentences().size();
            long deadline = System.nanoTime() + windowNanos;
            while (sentences < maxBatch) {
                sentences += takeCompatible(first.options(), maxBatch - sentences, batch);
                long left = deadline - System.nanoTime();
                if (sentences >= maxBatch || left <= 0 || closed) {
                    break;
                }
                arrived.awaitNanos(left);
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Moves queued jobs with these options and at most {@code room} sentences into the batch. */
    private int takeCompatible(TranslationOptions options, int room, List<Job> batch) {
        int taken = 0;
        for (Iterator<Job> it = queue.iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (job.options().equals(options) && job.sentences().size() <= room - taken) {
                it.remove();
                batch.add(job);
                taken += job.sentences().size();
            }
        }
        return taken;
    }

    private void decode(List<Job> batch) {
        List<String> sentences = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Job job : batch) {
            sentences.addAll(job.sentences());
            prefixes.addAll(job.prefixes());
        }
        metrics.observeBatch(sentences.size());
        try {
            List<List<Translation>> results =
                    translator.translateNBest(sentences, prefixes, batch.get(0).options());
            int start = 0;
            for (Job job : batch) {
                job.result()
                        .complete(results.subList(start, start + job.sentences().size()));
                start += job.sentences().size();
            }
        } catch (RuntimeException e) {
            for (Job job : batch) {
                job.result().completeExceptionally(e);
            }
        }
    }

    /** Stops taking requests; the workers finish what is queued, then end. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the workers to finish the queue after {@link #close()}. */
    void awaitDrained(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (Thread worker : workers) {
            worker.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }
}
