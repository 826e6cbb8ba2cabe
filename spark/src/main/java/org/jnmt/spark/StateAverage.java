package org.jnmt.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;

/**
 * The element-wise mean of replicas' state vectors ({@link TrainingStateVector}), summed in double
 * so that the mean of N identical replicas is each of them, bit for bit (N below 2^29). Nothing is
 * allocated before the first replica, so that as {@code treeAggregate}'s zero value it ships empty
 * to every task instead of as a vector of the model's size; and one replica is kept as it is, so
 * that a task of one worker sends the driver its float vector, not twice as many bytes of doubles.
 */
final class StateAverage implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The only replica so far (count 1), not copied. */
    private float[] single;

    private double[] sum;
    private long count;

    /** The mean of the replicas of an RDD (one vector per replica), merged in a tree of {@code depth} levels. */
    static float[] of(JavaRDD<float[]> replicas, int depth) {
        return replicas.treeAggregate(new StateAverage(), StateAverage::add, StateAverage::merge, depth)
                .mean();
    }

    StateAverage add(float[] replica) {
        if (count == 0) {
            single = replica;
        } else {
            requireLength(replica.length);
            double[] total = sum();
            for (int i = 0; i < replica.length; i++) {
                total[i] += replica[i];
            }
        }
        count++;
        return this;
    }

    StateAverage merge(StateAverage other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        if (other.single != null) {
            return add(other.single);
        }
        requireLength(other.sum.length);
        double[] total = sum();
        for (int i = 0; i < total.length; i++) {
            total[i] += other.sum[i];
        }
        count += other.count;
        return this;
    }

    long count() {
        return count;
    }

    float[] mean() {
        if (count == 0) {
            throw new IllegalStateException("no replica to average");
        }
        if (single != null) {
            return single.clone();
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / count);
        }
        return mean;
    }

    /** The sum in double, made from the single replica when a second one comes. */
    private double[] sum() {
        if (single != null) {
            sum = new double[single.length];
            for (int i = 0; i < single.length; i++) {
                sum[i] = single[i];
            }
            single = null;
        }
        return sum;
    }

    private void requireLength(int length) {
        int own = single != null ? single.length : sum.length;
        if (length != own) {
            throw new IllegalArgumentException("replicas of " + own + " and " + length + " values");
        }
    }
}
