package org.jnmt.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reusable work buffer: hands out c-ordered views of any shape over one flat allocation that
 * only grows (by a quarter more than asked, so that slowly growing batches do not reallocate each
 * time). The contents of a view are whatever the last user left there: callers overwrite or zero it.
 * A view is valid until the next call of {@link #shaped}.
 */
final class Scratch {

    private final DataType dataType;
    private INDArray flat; // [capacity]

    Scratch(DataType dataType) {
        this.dataType = dataType;
    }

    INDArray shaped(long... shape) {
        long needed = 1;
        for (long s : shape) {
            needed *= s;
        }
        if (flat == null || flat.length() < needed) {
            flat = Nd4j.create(dataType, Math.max(1, needed + needed / 4));
        }
        return Views.reshape(flat, shape);
    }

    /** Like {@link #shaped} with every element set to zero. */
    INDArray zeros(long... shape) {
        INDArray view = shaped(shape);
        view.assign(0);
        return view;
    }
}
