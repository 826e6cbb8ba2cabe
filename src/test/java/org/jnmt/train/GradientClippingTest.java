package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jnmt.model.ParameterSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class GradientClippingTest {

    /** Gradients (3, 4) and (12): global norm sqrt(9 + 16 + 144) = 13. */
    private static ParameterSet gradients(DataType type) {
        ParameterSet params = new ParameterSet(type);
        params.add("a", 2).grad().assign(Nd4j.createFromArray(3.0, 4.0));
        params.add("b", 1, 1).grad().assign(Nd4j.createFromArray(12.0).reshape(1, 1));
        return params;
    }

    @Test
    void returnsTheNormBeforeClippingAndScalesAllGradients() {
        ParameterSet params = gradients(DataType.DOUBLE);
        double norm = GradientClipping.clipByGlobalNorm(params, 1.0);
        assertEquals(13.0, norm, 1e-12);
        double scale = 1.0 / (13.0 + 1e-6); // torch.nn.utils.clip_grad_norm_
        assertArrayEquals(
                new double[] {3 * scale, 4 * scale}, params.get("a").grad().toDoubleVector(), 1e-15);
        assertEquals(12 * scale, params.get("b").grad().getDouble(0, 0), 1e-15);
        assertEquals(1.0, GradientClipping.globalNorm(params), 1e-6);
    }

    @Test
    void leavesSmallGradientsAlone() {
        ParameterSet params = gradients(DataType.FLOAT);
        assertEquals(13.0, GradientClipping.clipByGlobalNorm(params, 20.0), 1e-5);
        assertArrayEquals(new double[] {3, 4}, params.get("a").grad().toDoubleVector(), 0.0);
        assertEquals(13.0, GradientClipping.clipByGlobalNorm(params, 0), 1e-5); // 0: no clipping
        assertEquals(12.0, params.get("b").grad().getDouble(0, 0), 0.0);
    }

    @Test
    void nonFiniteNormIsReportedAndGradientsAreUntouched() {
        ParameterSet params = gradients(DataType.FLOAT);
        params.get("b").grad().putScalar(0, Double.NaN);
        assertTrue(Double.isNaN(GradientClipping.clipByGlobalNorm(params, 1.0)));
        assertArrayEquals(new double[] {3, 4}, params.get("a").grad().toDoubleVector(), 0.0);
        params.get("b").grad().putScalar(0, Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, GradientClipping.clipByGlobalNorm(params, 1.0));
    }
}
