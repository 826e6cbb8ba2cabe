package org.jnmt.model;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The real (unpadded) positions of a batch of sequences, packed step by step so that padding is
 * never computed on. The sequences are sorted by length, longest first (ties keep batch order); at
 * step t the sequences still running are the first {@code count(t)} of that order, and their rows in
 * a packed [N, ...] matrix are {@code offset(t) .. offset(t) + count(t) - 1}, N being the number of
 * real positions. A running sequence at step t was also running at step t - 1, in the same slot k,
 * so the previous state of packed row {@code offset(t) + k} is packed row {@code offset(t - 1) + k}.
 */
final class LengthPacking {

    private final int[] order; // [B] batch row of the k-th longest sequence
    private final int[] slot; // [B] inverse of order: the sorted slot k of batch row b
    private final int[] lengths; // [B] lengths in sorted order
    private final int[] offset; // [T + 1] first packed row of each step; offset[T] = N

    LengthPacking(int[] batchLengths) {
        int b = batchLengths.length;
        if (b == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        for (int len : batchLengths) {
            if (len < 1) {
                throw new IllegalArgumentException("sequence length " + len + " < 1");
            }
        }
        order = IntStream.range(0, b)
                .boxed()
                .sorted(Comparator.comparingInt((Integer r) -> -batchLengths[r]))
                .mapToInt(Integer::intValue)
                .toArray();
        slot = new int[b];
        lengths = new int[b];
        for (int k = 0; k < b; k++) {
            slot[order[k]] = k;
            lengths[k] = batchLengths[order[k]];
        }
        int steps = lengths[0];
        offset = new int[steps + 1];
        int k = b;
        for (int t = 0; t < steps; t++) {
            while (lengths[k - 1] <= t) {
                k--;
            }
            offset[t + 1] = offset[t] + k;
        }
    }

    int batchSize() {
        return order.length;
    }

    /** T: the longest length. */
    int steps() {
        return offset.length - 1;
    }

    /** N: the number of real positions. */
    int total() {
        return offset[offset.length - 1];
    }

    /** How many sequences are longer than t (slots 0 .. count(t) - 1 run at step t). */
    int count(int t) {
        return offset[t + 1] - offset[t];
    }

    int offset(int t) {
        return offset[t];
    }

    /** The batch row in sorted slot k. */
    int batchRow(int k) {
        return order[k];
    }

    /** The sorted slot of batch row b. */
    int slotOf(int b) {
        return slot[b];
    }

    /** The length of the sequence in sorted slot k. */
    int length(int k) {
        return lengths[k];
    }

    /** The batch rows in sorted order: [B]. */
    int[] order() {
        return order.clone();
    }

    /** A value per packed row, {@code value(k, t)} for slot k at step t: [N]. */
    int[] pack(SlotStepFunction value) {
        int[] packed = new int[total()];
        for (int t = 0; t < steps(); t++) {
            for (int k = 0; k < count(t); k++) {
                packed[offset[t] + k] = value.at(k, t);
            }
        }
        return packed;
    }

    /**
     * Copies the new states of step t into the previous-state rows of step t + 1, for the slots still
     * running then (nothing after the last step).
     *
     * @param states   [N, D] the new state of each packed row
     * @param previous [N, D] the previous state of each packed row
     */
    void carryStates(INDArray states, INDArray previous, int t) {
        if (t + 1 < steps()) {
            int next = count(t + 1);
            Views.rows(previous, offset[t + 1], next).assign(Views.rows(states, offset[t], next));
        }
    }

    /**
     * The backward pass of {@link #carryStates}: adds dL/d(previous state) of step t into the state
     * gradient of step t - 1, or, at step 0, writes it to dL/ds_0.
     *
     * @param dPrevious  [count(t), D] dL/d(previous state) of step t
     * @param dStates    [N, D] dL/d(new state) of each packed row
     * @param dInitial   [B, D] dL/ds_0 (written at step 0)
     */
    void carryStateGradient(INDArray dPrevious, INDArray dStates, INDArray dInitial, int t) {
        if (t > 0) {
            Views.rows(dStates, offset[t - 1], count(t)).addi(dPrevious);
        } else {
            dInitial.assign(dPrevious);
        }
    }

    /** A value for sorted slot k at step t. */
    @FunctionalInterface
    interface SlotStepFunction {
        int at(int k, int t);
    }
}
