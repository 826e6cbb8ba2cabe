package org.jnmt.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout masks from a native random generator of our own (not the global one), reseeded
 * per batch so that a training step is reproducible from its seed.
 */
final class Dropout {

    private final Random random = Nd4j.getRandomFactory().getNewRandomInstance(0);

    void reseed(long seed) {
        random.setSeed(seed);
    }

    /**
     * A mask whose elements are 1 / (1 - p) with probability 1 - p and 0 otherwise, so that
     * {@code x * mask} keeps the expected value of x; null when p is 0 (no dropout).
     */
    INDArray mask(Scratch buffer, double p, long... shape) {
        if (p <= 0) {
            return null;
        }
        INDArray mask = buffer.shaped(shape);
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1 - p), random);
        mask.muli(1 / (1 - p));
        return mask;
    }
}
