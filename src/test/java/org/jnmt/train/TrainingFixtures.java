package org.jnmt.train;

import java.util.List;
import org.jnmt.model.ParameterSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Small parameter sets, optimisers and states shared by the checkpoint tests. */
final class TrainingFixtures {

    private TrainingFixtures() {}

    /** Three tensors of a tiny model: [4, 3], [3] and a scalar; zero until filled. */
    static ParameterSet tinyModel() {
        ParameterSet params = new ParameterSet(DataType.FLOAT);
        params.add("encoder.embedding", 4, 3);
        params.add("decoder.bias", 3);
        params.add("scale");
        return params;
    }

    /** A tiny model with random weights and an optimiser that has taken two steps. */
    static AdamOptimizer trainedTinyModel(ParameterSet params, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (ParameterSet.Parameter p : params.all()) {
            p.value().assign(Nd4j.randn(DataType.FLOAT, p.value().shape()));
        }
        AdamOptimizer adam = new AdamOptimizer(params, 1e-3, 0.9, 0.999, 1e-8);
        for (int i = 0; i < 2; i++) {
            for (ParameterSet.Parameter p : params.all()) {
                p.grad().assign(Nd4j.randn(DataType.FLOAT, p.value().shape()));
            }
            adam.step();
        }
        return adam;
    }

    static TrainingState state(long step) {
        return new TrainingState(
                step,
                3,
                17,
                42,
                123.5,
                new LearningRateScheduler.State(5e-4, 21.5, 1),
                new EarlyStopping.State(21.5, step - 100, 1, null));
    }

    /** Every element of every tensor, as raw float bits, in parameter order. */
    static List<float[]> values(ParameterSet params) {
        return params.all().stream().map(p -> p.value().dup().data().asFloat()).toList();
    }
}
