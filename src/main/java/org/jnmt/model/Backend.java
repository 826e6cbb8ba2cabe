package org.jnmt.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once, for the commands that need it: float32 by default, the number of compute
 * threads for BLAS and ND4J's own ops, and no ND4J workspaces or op profiling.
 */
public final class Backend {

    private static volatile boolean started;

    private Backend() {}

    /** Starts the native backend with {@code threads} compute threads (idempotent; the first call decides). */
    public static synchronized void start(int threads) {
        if (started) {
            return;
        }
        // Before the first op: on a GPU the kernels cannot run on, fail in one sentence.
        CudaSupport.requireSupported(CudaSupport.devices(Nd4j.getExecutioner().getEnvironmentInformation()));
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        // BLAS (the GEMMs: most of the time) gets the threads. ND4J's own element-wise ops run on
        // one: on the small arrays of this model, its thread pool costs more than it saves
        // (a training step at the benchmark sizes: 1,580 ms with 2 threads, 690 ms with 1).
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(threads);
        Nd4j.getExecutioner().enableDebugMode(false);
        Nd4j.getExecutioner().enableVerboseMode(false);
        started = true;
    }

    /** A one-line description of the backend, for logs and {@code nmt bench}. */
    public static String describe() {
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        return "ND4J " + Nd4j.getBackend().getClass().getSimpleName()
                + ", BLAS " + env.getProperty("blas.vendor", "?")
                + ", BLAS threads " + Nd4j.factory().blas().getMaxThreads();
    }
}
