package org.jnmt.model;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a test class with ND4J's element-wise operations on one thread (its "master threads"; BLAS
 * keeps its own), and restores the setting after: the model tests use tiny arrays, for which a
 * second thread only adds synchronisation, and on a busy machine waiting for it made each
 * operation about ten times slower.
 */
public final class SingleThreadedNd4j implements BeforeAllCallback, AfterAllCallback {

    private int masterThreads;

    @Override
    public void beforeAll(ExtensionContext context) {
        Environment env = Nd4j.getEnvironment();
        masterThreads = env.maxMasterThreads();
        env.setMaxMasterThreads(1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Nd4j.getEnvironment().setMaxMasterThreads(masterThreads);
    }
}
