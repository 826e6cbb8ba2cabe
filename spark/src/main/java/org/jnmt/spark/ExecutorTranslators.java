package org.jnmt.spark;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.jnmt.api.Translator;
import org.jnmt.model.Backend;

/**
 * The models of this JVM (an executor, or the driver in local mode), kept for its lifetime: a task
 * borrows an idle translator of its model and gives it back when it ends, so a model is loaded once
 * per task slot of the executor (the tasks running at the same time) and reused by every later task.
 */
final class ExecutorTranslators {

    private static final Map<ModelLocation, Queue<Translator>> IDLE = new ConcurrentHashMap<>();
    private static final Map<ModelLocation, AtomicInteger> LOADS = new ConcurrentHashMap<>();

    private ExecutorTranslators() {}

    /** An idle translator of {@code model}, loaded now if every one is in use. */
    static Translator borrow(ModelLocation model) {
        Translator idle = IDLE.computeIfAbsent(model, key -> new ConcurrentLinkedQueue<>())
                .poll();
        return idle != null ? idle : load(model);
    }

    static void giveBack(ModelLocation model, Translator translator) {
        IDLE.get(model).add(translator);
    }

    /** A translator for the running task, given back when the task ends (succeeded or failed). */
    static Translator forThisTask(ModelLocation model) {
        Translator translator = borrow(model);
        TaskContext.get().addTaskCompletionListener((TaskCompletionListener) task -> giveBack(model, translator));
        return translator;
    }

    /** How many times {@code model} was loaded in this JVM. */
    static int loads(ModelLocation model) {
        AtomicInteger loads = LOADS.get(model);
        return loads == null ? 0 : loads.get();
    }

    private static Translator load(ModelLocation model) {
        long start = System.nanoTime();
        TaskContext task = TaskContext.get();
        // One BLAS thread per CPU the task was given (spark.task.cpus, 1 by default): the executor's
        // cores are shared by its tasks. The first start in a JVM decides.
        Backend.start(task == null ? 1 : task.cpus());
        Translator translator = Translator.load(model.resolve());
        int count = LOADS.computeIfAbsent(model, key -> new AtomicInteger()).incrementAndGet();
        System.err.printf(
                "jnmt: model %s loaded in %d ms (load %d in this JVM)%n",
                model.spec(), (System.nanoTime() - start) / 1_000_000, count);
        return translator;
    }
}
