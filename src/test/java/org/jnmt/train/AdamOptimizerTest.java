package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnmt.model.ParameterSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamOptimizerTest {

    private static final double LR = 0.01;
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    /** PyTorch's torch.optim.Adam (single tensor, no weight decay), written out literally. */
    private static final class ReferenceAdam {
        final double[] m;
        final double[] v;
        int t;

        ReferenceAdam(int n) {
            m = new double[n];
            v = new double[n];
        }

        void step(double[] theta, double[] g) {
            t++;
            double biasCorrection1 = 1 - Math.pow(B1, t);
            double biasCorrection2 = 1 - Math.pow(B2, t);
            for (int i = 0; i < theta.length; i++) {
                m[i] = B1 * m[i] + (1 - B1) * g[i];
                v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
                double denominator = Math.sqrt(v[i]) / Math.sqrt(biasCorrection2) + EPS;
                theta[i] -= LR / biasCorrection1 * m[i] / denominator;
            }
        }
    }

    // The 1e-9 gradients make sqrt(v) comparable to eps, where eps's place in the formula matters.
    private static final double[] THETA = {0.5, -1.25, 2.0, 0.0, 3.0, -0.75};
    private static final double[] GRAD_1 = {0.1, -2.0, 1e-9, 0.0, 5.0, -1e-9};
    private static final double[] GRAD_2 = {-0.3, 0.5, 2e-9, 1.0, 5.0, 1e-9};

    private static ParameterSet twoTensors(DataType type) {
        ParameterSet params = new ParameterSet(type);
        params.add("w", 2, 2)
                .value()
                .assign(Nd4j.createFromArray(THETA[0], THETA[1], THETA[2], THETA[3])
                        .reshape(2, 2));
        params.add("b", 2).value().assign(Nd4j.createFromArray(THETA[4], THETA[5]));
        return params;
    }

    private static void setGrads(ParameterSet params, double[] g) {
        params.get("w")
                .grad()
                .assign(Nd4j.createFromArray(g[0], g[1], g[2], g[3]).reshape(2, 2));
        params.get("b").grad().assign(Nd4j.createFromArray(g[4], g[5]));
    }

    private static double[] flatValues(ParameterSet params) {
        double[] w = params.get("w").value().reshape(4).toDoubleVector();
        double[] b = params.get("b").value().toDoubleVector();
        return new double[] {w[0], w[1], w[2], w[3], b[0], b[1]};
    }

    @Test
    void twoStepsMatchPyTorchFormulaInDouble() {
        ParameterSet params = twoTensors(DataType.DOUBLE);
        AdamOptimizer adam = new AdamOptimizer(params, LR, B1, B2, EPS);
        ReferenceAdam reference = new ReferenceAdam(6);
        double[] expected = THETA.clone();

        setGrads(params, GRAD_1);
        adam.step();
        reference.step(expected, GRAD_1);
        assertArrayEquals(expected, flatValues(params), 1e-14);
        // Step 1 moves by about lr where |g| >> eps (Adam's signature), and by lr/11 where |g| = eps/10.
        assertEquals(0.5 - LR * 0.1 / (0.1 + EPS), expected[0], 1e-15);
        assertEquals(2.0 - LR / 11, expected[2], 1e-15);

        setGrads(params, GRAD_2);
        adam.step();
        reference.step(expected, GRAD_2);
        assertArrayEquals(expected, flatValues(params), 1e-14);
        assertEquals(2, adam.steps());
    }

    @Test
    void floatParametersFollowTheSameFormula() {
        ParameterSet params = twoTensors(DataType.FLOAT);
        AdamOptimizer adam = new AdamOptimizer(params, LR, B1, B2, EPS);
        ReferenceAdam reference = new ReferenceAdam(6);
        double[] expected = THETA.clone();
        for (double[] g : new double[][] {GRAD_1, GRAD_2}) {
            setGrads(params, g);
            adam.step();
            reference.step(expected, g);
        }
        assertArrayEquals(expected, flatValues(params), 1e-6);
    }

    @Test
    void stateExportsAndImportsExactly() {
        ParameterSet params = twoTensors(DataType.FLOAT);
        AdamOptimizer adam = new AdamOptimizer(params, LR, B1, B2, EPS);
        setGrads(params, GRAD_1);
        adam.step();

        ParameterSet copy = twoTensors(DataType.FLOAT);
        copy.get("w").value().assign(params.get("w").value());
        copy.get("b").value().assign(params.get("b").value());
        AdamOptimizer resumed = new AdamOptimizer(copy, LR, B1, B2, EPS);
        Map<String, INDArray> state = adam.stateTensors();
        assertEquals(List.of("adam.m/w", "adam.m/b", "adam.v/w", "adam.v/b"), List.copyOf(state.keySet()));
        resumed.importState(adam.steps(), state);

        setGrads(params, GRAD_2);
        setGrads(copy, GRAD_2);
        adam.step();
        resumed.step();
        assertArrayEquals(flatValues(params), flatValues(copy), 0.0);
    }

    @Test
    void importRejectsMismatchedState() {
        AdamOptimizer adam = new AdamOptimizer(twoTensors(DataType.FLOAT), LR, B1, B2, EPS);
        Map<String, INDArray> state = new LinkedHashMap<>(adam.stateTensors());
        state.put("adam.m/w", Nd4j.zeros(DataType.FLOAT, 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adam.importState(1, state));
        assertEquals("optimiser state adam.m/w has shape [3, 2], expected [2, 2]", e.getMessage());
    }

    @Test
    void learningRateMustBePositive() {
        AdamOptimizer adam = new AdamOptimizer(twoTensors(DataType.FLOAT), LR, B1, B2, EPS);
        adam.setLearningRate(5e-4);
        assertEquals(5e-4, adam.learningRate());
        assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(0));
    }
}
