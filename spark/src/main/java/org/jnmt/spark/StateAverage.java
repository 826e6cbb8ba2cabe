package org.jnmt.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;

/**
 * The element-wise mean of replicas' state vectors ({@link TrainingStateVector}), summed in double
 * so that the mean of N identical replicas is each of them, bit for bit (N below 2^29). The sum is
 * allocated at the first replica: as {@code treeAggregate}'s zero value it ships empty to every
 * task instead of as a vector of the model's size.
 */
final class StateAverage implements Serializable {

    private static final long serialVersionUID = 1L;

    private double[] sum;
    private long count;

    /** The mean of the replicas of an RDD (one vector per replica), merged in a tree of {@code depth} levels. */
    static float[] of(JavaRDD<float[]> replicas, int depth) {
        return replicas.treeAggregate(new StateAverage(), StateAverage::add, StateAverage::merge, depth)
                .mean();
    }

    StateAverage add(float[] replica) {
        if (sum == null) {
            sum = new double[replica.length];
        }
        requireLength(replica.length);
        for (int i = 0; i < replica.length; i++) {
            sum[i] += replica[i];
        }
        count++;
        return this;
    }

    StateAverage merge(StateAverage other) {
        if (other.sum == null) {
            return this;
        }
        if (sum == null) {
            return other;
        }
        requireLength(other.sum.length);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.sum[i];
        }
        count += other.count;
        return this;
    }

    long count() {
        return count;
    }

    float[] mean() {
        if (sum == null) {
            throw new IllegalStateException("no replica to average");
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / count);
        }
        return mean;
    }

    private void requireLength(int length) {
        if (length != sum.length) {
            throw new IllegalArgumentException("replicas of " + sum.length + " and " + length + " values");
        }
    }
}
