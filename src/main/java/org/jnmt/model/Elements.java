package org.jnmt.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access, from Java, to the native memory of a FLOAT or DOUBLE array (through an NIO view
 * of its buffer), for the small loops that would cost more as ND4J ops than as plain code. Index 0
 * is the array's first element; indices follow its c-order layout, so the array must be c-ordered
 * with contiguous rows.
 */
abstract class Elements {

    static Elements of(INDArray a) {
        int offset = Math.toIntExact(a.offset());
        if (a.dataType() == DataType.FLOAT) {
            return new Floats(a.data().asNioFloat(), offset);
        }
        if (a.dataType() == DataType.DOUBLE) {
            return new Doubles(a.data().asNioDouble(), offset);
        }
        throw new IllegalArgumentException("the model computes in FLOAT or DOUBLE, not " + a.dataType());
    }

    abstract double get(int i);

    abstract void set(int i, double value);

    void add(int i, double value) {
        set(i, get(i) + value);
    }

    private static final class Floats extends Elements {
        private final FloatBuffer buffer;
        private final int offset;

        Floats(FloatBuffer buffer, int offset) {
            this.buffer = buffer;
            this.offset = offset;
        }

        @Override
        double get(int i) {
            return buffer.get(offset + i);
        }

        @Override
        void set(int i, double value) {
            buffer.put(offset + i, (float) value);
        }
    }

    private static final class Doubles extends Elements {
        private final DoubleBuffer buffer;
        private final int offset;

        Doubles(DoubleBuffer buffer, int offset) {
            this.buffer = buffer;
            this.offset = offset;
        }

        @Override
        double get(int i) {
            return buffer.get(offset + i);
        }

        @Override
        void set(int i, double value) {
            buffer.put(offset + i, value);
        }
    }
}
