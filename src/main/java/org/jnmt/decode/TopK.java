package org.jnmt.decode;

import java.util.Arrays;

/**
 * The k best (score, row, token) candidates of a stream, kept in a min-heap of size k, so that the
 * K*V candidates of a beam cost one comparison each. Ties keep the candidate offered first.
 */
final class TopK {

    private final double[] scores;
    private final int[] rows;
    private final int[] tokens;
    private final long[] arrival;
    private int size;
    private long offered;

    TopK(int k) {
        scores = new double[k];
        rows = new int[k];
        tokens = new int[k];
        arrival = new long[k];
    }

    void offer(double score, int row, int token) {
        long order = offered++;
        if (size < scores.length) {
            set(size, score, row, token, order);
            siftUp(size++);
        } else if (score > scores[0]) {
            set(0, score, row, token, order);
            siftDown(0);
        }
    }

    /** The heap positions, best first (ties: first offered first). */
    int[] sortedDescending() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(
                idx,
                (x, y) -> scores[x] != scores[y]
                        ? Double.compare(scores[y], scores[x])
                        : Long.compare(arrival[x], arrival[y]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    double score(int position) {
        return scores[position];
    }

    int row(int position) {
        return rows[position];
    }

    int token(int position) {
        return tokens[position];
    }

    /** Heap order: lower score first; on equal scores the later arrival is "lower" (evicted first). */
    private boolean less(int i, int j) {
        return scores[i] != scores[j] ? scores[i] < scores[j] : arrival[i] > arrival[j];
    }

    private void set(int i, double score, int row, int token, long order) {
        scores[i] = score;
        rows[i] = row;
        tokens[i] = token;
        arrival[i] = order;
    }

    private void swap(int i, int j) {
        double s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
        int r = rows[i];
        rows[i] = rows[j];
        rows[j] = r;
        int t = tokens[i];
        tokens[i] = tokens[j];
        tokens[j] = t;
        long a = arrival[i];
        arrival[i] = arrival[j];
        arrival[j] = a;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int smallest = i;
            if (l < size && less(l, smallest)) {
                smallest = l;
            }
            if (r < size && less(r, smallest)) {
                smallest = r;
            }
            if (smallest == i) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }
}
