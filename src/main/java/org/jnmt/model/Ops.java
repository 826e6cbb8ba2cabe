package org.jnmt.model;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.OneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The few ND4J operations the model is built from, each writing into a given output (no hidden
 * allocation). Outputs may alias inputs of the same shape.
 */
final class Ops {

    private Ops() {}

    /** {@code c = alpha * op(a) op(b) + beta * c} for matrices; c must be contiguous. */
    static void gemm(
            INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha, double beta) {
        Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
    }

    /** {@code c = a b}. */
    static void matmul(INDArray a, INDArray b, INDArray c) {
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }

    /** {@code c[i] = a[i] b[i] + beta * c[i]} for each i of rank-3 arrays [n, p, q] x [n, q, r]. */
    static void batchedMatmul(INDArray a, INDArray b, INDArray c, double beta) {
        Nd4j.exec(new Mmul(a, b, c, 1.0, beta, MMulTranspose.allFalse()));
    }

    static void add(INDArray x, INDArray y, INDArray out) {
        Nd4j.exec(new AddOp(x, y, out));
    }

    static void sub(INDArray x, INDArray y, INDArray out) {
        Nd4j.exec(new SubOp(x, y, out));
    }

    static void mul(INDArray x, INDArray y, INDArray out) {
        Nd4j.exec(new MulOp(x, y, out));
    }

    /** {@code out = 1 - x}. */
    static void oneMinus(INDArray x, INDArray out) {
        Nd4j.exec(new OneMinus(x, out));
    }

    /** {@code out = x (1 - x)}: the sigmoid's derivative from its output. */
    static void timesOneMinus(INDArray x, INDArray out) {
        Nd4j.exec(new TimesOneMinus(x, out));
    }

    /** {@code out = 1 - x^2}: the tanh's derivative from its output. */
    static void tanhDerivative(INDArray tanh, INDArray out) {
        Nd4j.exec(new Square(tanh, out));
        Nd4j.exec(new OneMinus(out, out));
    }

    static void tanh(INDArray x) {
        Nd4j.exec(new Tanh(x, x));
    }

    static void tanh(INDArray x, INDArray out) {
        Nd4j.exec(new Tanh(x, out));
    }

    static void sigmoid(INDArray x) {
        Nd4j.exec(new Sigmoid(x, x));
    }

    static void exp(INDArray x) {
        Nd4j.exec(new Exp(x, x));
    }

    /** {@code out[j] = sum_i x[i, j]}: x [N, C] → out [C]. */
    static void columnSums(INDArray x, INDArray out) {
        Nd4j.exec(new Sum(x, out, 0));
    }

    /** Sums over one axis: x [..] → out with that axis removed. */
    static void sum(INDArray x, INDArray out, int axis) {
        Nd4j.exec(new Sum(x, out, axis));
    }

    /** Maxima over one axis: x [..] → out with that axis removed. */
    static void max(INDArray x, INDArray out, int axis) {
        Nd4j.exec(new Max(x, out, axis));
    }
}
