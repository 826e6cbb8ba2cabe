package org.jnmt.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cheap views over c-ordered arrays, built straight from the data buffer, shape and offset (about
 * half the cost of {@code INDArray.get(NDArrayIndex...)}, and used inside the time loops). Every
 * input must be c-ordered with its rows contiguous; {@link #columns} gives a strided view that is
 * only read or written element-wise, never sliced again. Views made here are only sliced with these
 * helpers, not with {@code INDArray.get}.
 */
final class Views {

    private Views() {}

    /** Rows {@code [from, from + count)} along the first axis of a contiguous array: [count, ...]. */
    static INDArray rows(INDArray a, long from, long count) {
        long[] shape = a.shape().clone();
        long rowLength = rowLength(shape);
        shape[0] = count;
        return view(a, a.offset() + from * rowLength, shape, cStrides(shape));
    }

    /** Elements {@code [from, from + count)} of a contiguous vector: [count]. */
    static INDArray segment(INDArray v, long from, long count) {
        return view(v, v.offset() + from, new long[] {count}, new long[] {1});
    }

    /**
     * Rows {@code [from, from + count)} of plane k of a contiguous [K, N, C] array: a contiguous
     * [count, C] view.
     */
    static INDArray planeRows(INDArray a, long k, long from, long count) {
        long n = a.size(1);
        long c = a.size(2);
        return view(a, a.offset() + (k * n + from) * c, new long[] {count, c}, new long[] {c, 1});
    }

    /** Columns {@code [from, from + count)} of a contiguous matrix [R, C]: a strided [R, count] view. */
    static INDArray columns(INDArray m, long from, long count) {
        return view(m, m.offset() + from, new long[] {m.size(0), count}, new long[] {m.size(1), 1});
    }

    /** The same elements of a contiguous array under another c-ordered shape of equal length. */
    static INDArray reshape(INDArray a, long... shape) {
        return view(a, a.offset(), shape, cStrides(shape));
    }

    private static INDArray view(INDArray base, long offset, long[] shape, long[] strides) {
        return Nd4j.create(base.data(), shape, strides, offset, 'c', base.dataType());
    }

    private static long rowLength(long[] shape) {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    static long[] cStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }
}
