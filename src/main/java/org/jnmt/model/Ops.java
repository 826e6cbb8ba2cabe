package org.jnmt.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
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
 * allocation, but for the shared vector of ones below, which only grows). Outputs may alias inputs
 * of the same shape; arrays written by a product (gemm) must be contiguous.
 * <p>
 * <b>Row-wise operations on arrays with a varying number of rows</b> (the packed target positions N
 * differ in nearly every batch) avoid ND4J's reductions and broadcasts along an axis: for each
 * distinct shape those build a table of the offsets of every row or column (a "TAD pack") that
 * libnd4j caches in native memory and never frees, so training grew by tens of megabytes every
 * hundred batches and died at the launcher's memory limit. Sums and broadcasts are products with
 * a vector of ones instead (BLAS needs no such tables); the row maximum and the row division go
 * in blocks of {@link #ROW_BLOCK} rows, which bounds the distinct shapes.
 */
final class Ops {

    /** Rows per call of the row-wise operations that have no product form. */
    static final int ROW_BLOCK = 256;

    /** Ones for the products, per data type; grown by replacement, never written after creation. */
    private static final Map<DataType, INDArray> ONES = new ConcurrentHashMap<>();

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

    /** {@code out[j] = sum_i x[i, j]}: x [N, C] → out [C] (contiguous), as {@code 1^T x}. */
    static void columnSums(INDArray x, INDArray out) {
        long n = x.size(0);
        long c = x.size(1);
        gemm(Views.reshape(ones(x.dataType(), n), 1, n), x, Views.reshape(out, 1, c), false, false, 1.0, 0.0);
    }

    /** {@code out[i] = sum_j x[i, j]}: x [N, C] → out [N] (contiguous), as {@code x 1}. */
    static void rowSums(INDArray x, INDArray out) {
        long n = x.size(0);
        long c = x.size(1);
        gemm(x, Views.reshape(ones(x.dataType(), c), c, 1), Views.reshape(out, n, 1), false, false, 1.0, 0.0);
    }

    /** {@code out[i, k] = sum_j x[i, j, k]}: x [N, S, C] → out [N, C] (contiguous), as {@code 1^T x[i]} per i. */
    static void middleSums(INDArray x, INDArray out) {
        long n = x.size(0);
        long s = x.size(1);
        long c = x.size(2);
        batchedMatmul(Views.reshape(ones(x.dataType(), n * s), n, 1, s), x, Views.reshape(out, n, 1, c), 0.0);
    }

    /** {@code x[i, j] = beta * x[i, j] + row[j]}: row [C] added to every row of x [N, C] (both contiguous), as {@code 1 row^T}. */
    static void broadcastRow(INDArray row, INDArray x, double beta) {
        long n = x.size(0);
        long c = x.size(1);
        gemm(Views.reshape(ones(x.dataType(), n), n, 1), Views.reshape(row, 1, c), x, false, false, 1.0, beta);
    }

    /** {@code x[i, j] -= column[i]}: x [N, C], column [N] (both contiguous), as {@code column 1^T}. */
    static void subtractColumn(INDArray x, INDArray column) {
        long n = x.size(0);
        long c = x.size(1);
        gemm(Views.reshape(column, n, 1), Views.reshape(ones(x.dataType(), c), 1, c), x, false, false, -1.0, 1.0);
    }

    /** {@code out[i] = max_j x[i, j]}: x [N, C] (contiguous) → out [N] (contiguous), in blocks of rows. */
    static void rowMax(INDArray x, INDArray out) {
        long n = x.size(0);
        for (long from = 0; from < n; from += ROW_BLOCK) {
            long count = Math.min(ROW_BLOCK, n - from);
            Nd4j.exec(new Max(Views.rows(x, from, count), Views.segment(out, from, count), 1));
        }
    }

    /** {@code x[i, j] /= column[i]}: x [N, C] (contiguous), column [N] (contiguous), in blocks of rows. */
    static void divideByColumn(INDArray x, INDArray column) {
        long n = x.size(0);
        for (long from = 0; from < n; from += ROW_BLOCK) {
            long count = Math.min(ROW_BLOCK, n - from);
            Views.rows(x, from, count).diviColumnVector(Views.reshape(Views.segment(column, from, count), count, 1));
        }
    }

    /** A contiguous vector of n ones of the type. */
    private static INDArray ones(DataType type, long n) {
        INDArray ones = ONES.compute(
                type, (t, have) -> have != null && have.length() >= n ? have : Nd4j.ones(t, Math.max(2 * n, 4096)));
        return Views.segment(ones, 0, n);
    }
}
