package org.jnmt.model;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row gathers and scatters over column blocks, and per-row element access, done in Java on the
 * native memory: one bulk copy per row for gathers, a plain loop for the scatter-add
 * (deterministic with repeated rows, unlike a parallel native scatter). All matrices must be
 * c-ordered with contiguous rows.
 */
public final class RowOps {

    private RowOps() {}

    /**
     * A new array whose row i is row {@code rows[i]} of {@code a} along its first axis (rows may
     * repeat): [B, ...] → [N, ...]. Used instead of {@code INDArray.getRows}, whose native row pull
     * leaked memory on every call here (beam search grew by ~7 MB per 1,000 sentences).
     */
    public static INDArray selectRows(INDArray a, int[] rows) {
        long[] shape = a.shape().clone();
        long rowLength = a.length() / shape[0];
        shape[0] = rows.length;
        INDArray out = Nd4j.create(a.dataType(), shape);
        gather(
                Views.reshape(a, a.size(0), rowLength),
                0,
                rows,
                Views.reshape(out, rows.length, rowLength),
                0,
                rowLength);
        return out;
    }

    /**
     * {@code dst[m, dstCol : dstCol + width] = src[rows[m], srcCol : srcCol + width]}, or zeros
     * where {@code rows[m] < 0}.
     *
     * @param src [R, C1]
     * @param dst [M, C2]
     */
    static void gather(INDArray src, long srcCol, int[] rows, INDArray dst, long dstCol, long width) {
        int elementBytes = src.dataType().width();
        int rowBytes = Math.toIntExact(width * elementBytes);
        long srcStride = src.size(1);
        long dstStride = dst.size(1);
        ByteBuffer from = src.data().asNio();
        ByteBuffer to = dst.data().asNio();
        byte[] zeros = new byte[rowBytes];
        for (int m = 0; m < rows.length; m++) {
            int target = Math.toIntExact((dst.offset() + m * dstStride + dstCol) * elementBytes);
            if (rows[m] < 0) {
                to.put(target, zeros, 0, rowBytes);
            } else {
                int source = Math.toIntExact((src.offset() + rows[m] * srcStride + srcCol) * elementBytes);
                to.put(target, from, source, rowBytes);
            }
        }
    }

    /**
     * {@code dst[rows[m], dstCol : dstCol + width] += src[m, srcCol : srcCol + width]} for every m
     * (rows may repeat).
     *
     * @param dst [R, C1]
     * @param src [M, C2]
     */
    static void scatterAdd(INDArray dst, long dstCol, int[] rows, INDArray src, long srcCol, long width) {
        Elements to = Elements.of(dst);
        Elements from = Elements.of(src);
        long dstStride = dst.size(1);
        long srcStride = src.size(1);
        for (int m = 0; m < rows.length; m++) {
            int t = Math.toIntExact(rows[m] * dstStride + dstCol);
            int f = Math.toIntExact(m * srcStride + srcCol);
            for (int e = 0; e < width; e++) {
                to.add(t + e, from.get(f + e));
            }
        }
    }

    /** {@code m[k, cols[k]]} for each row k of a matrix [K, C]. */
    static double[] pick(INDArray m, int[] cols) {
        Elements e = Elements.of(m);
        long stride = m.size(1);
        double[] values = new double[cols.length];
        for (int k = 0; k < cols.length; k++) {
            values[k] = e.get(Math.toIntExact(k * stride + cols[k]));
        }
        return values;
    }

    /** {@code m[k, cols[k]] += delta} for each row k of a matrix [K, C]. */
    static void addAt(INDArray m, int[] cols, double delta) {
        Elements e = Elements.of(m);
        long stride = m.size(1);
        for (int k = 0; k < cols.length; k++) {
            e.add(Math.toIntExact(k * stride + cols[k]), delta);
        }
    }
}
