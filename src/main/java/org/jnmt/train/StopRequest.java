package org.jnmt.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jnmt.util.Console;

/**
 * Turns Ctrl-C (SIGINT) or SIGTERM during training into an orderly stop: the JVM's shutdown hook
 * raises a flag that the training loop checks between steps, then waits until the loop has
 * validated and checkpointed its last state, so that an interrupted run loses nothing and
 * {@code best.ckpt} is the best of everything trained. A second signal cannot cut this short;
 * kill -9 still can, and then resume starts from the last checkpoint.
 */
final class StopRequest implements AutoCloseable {

    /** The longest the shutdown waits for the last validation and checkpoint. */
    private static final long WAIT_MINUTES = 10;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "jnmt-stop-request");
    private volatile boolean requested;

    private StopRequest() {}

    /** Installs the shutdown hook for one training run; close it when the run is over. */
    static StopRequest install() {
        StopRequest request = new StopRequest();
        Runtime.getRuntime().addShutdownHook(request.hook);
        return request;
    }

    /** Whether a stop was asked for; the loop then ends as at a time limit. */
    boolean requested() {
        return requested;
    }

    private void stopAndWait() {
        requested = true;
        Console.warn("stopping: validating and saving the last state first...");
        try {
            stopped.await(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over (saved, or failed): lets a waiting shutdown go on, and removes the hook. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (or has run): the JVM is already on its way out.
        }
    }
}
