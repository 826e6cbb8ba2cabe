package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.model.ParameterSet;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointAveragerTest {

    @TempDir
    Path run;

    private static ParameterSet model(double first, double second, double bias) {
        ParameterSet params = new ParameterSet(DataType.FLOAT);
        params.add("w", 2).value().assign(Nd4j.createFromArray(first, second));
        params.add("b", 1, 1).value().assign(bias);
        return params;
    }

    @Test
    void averagesTheLastNStepCheckpoints() {
        CheckpointStore store = new CheckpointStore(run, 0);
        for (Object[] c :
                new Object[][] {{100L, model(100, 100, 100)}, {200L, model(1, -2, 0.5)}, {300L, model(3, 4, 1.5)}}) {
            ParameterSet params = (ParameterSet) c[1];
            store.save(params, new AdamOptimizer(params, 1e-3, 0.9, 0.999, 1e-8), TrainingFixtures.state((Long) c[0]));
        }
        List<Path> last = CheckpointAverager.lastCheckpoints(run, 2);
        assertEquals(List.of(store.stepFile(200), store.stepFile(300)), last);
        Map<String, INDArray> average = CheckpointAverager.average(last);
        assertEquals(List.of("w", "b"), List.copyOf(average.keySet()));
        assertEquals(DataType.FLOAT, average.get("w").dataType());

        Path out = run.resolve("averaged.ckpt");
        CheckpointAverager.write(out, average, last);
        ParameterSet loaded = model(0, 0, 0);
        Checkpoint.loadWeights(out, loaded);
        assertArrayEquals(new float[] {2f, 1f}, loaded.get("w").value().toFloatVector());
        assertEquals(1.0f, loaded.get("b").value().getFloat(0, 0));
    }

    @Test
    void tooFewCheckpointsOrDifferentModelsAreErrors() {
        CheckpointStore store = new CheckpointStore(run, 0);
        ParameterSet small = model(1, 2, 3);
        store.save(small, new AdamOptimizer(small, 1e-3, 0.9, 0.999, 1e-8), TrainingFixtures.state(100));
        NmtException e = assertThrows(NmtException.class, () -> CheckpointAverager.lastCheckpoints(run, 2));
        assertEquals(
                run.resolve("checkpoints") + ": holds 1 step checkpoints, fewer than the 2 asked for", e.getMessage());

        ParameterSet other = new ParameterSet(DataType.FLOAT);
        other.add("w", 3);
        other.add("b", 1, 1);
        store.save(other, new AdamOptimizer(other, 1e-3, 0.9, 0.999, 1e-8), TrainingFixtures.state(200));
        e = assertThrows(
                NmtException.class, () -> CheckpointAverager.average(CheckpointAverager.lastCheckpoints(run, 2)));
        assertEquals(
                store.stepFile(200) + ": parameter w has shape [3] but [2] in " + store.stepFile(100)
                        + "; only checkpoints of one model can be averaged",
                e.getMessage());

        e = assertThrows(NmtException.class, () -> CheckpointAverager.lastCheckpoints(run.resolve("nope"), 2));
        assertEquals(run.resolve("nope") + ": no such directory", e.getMessage());
    }
}
