package org.jnmt.cli;

import org.jnmt.align.LinePlot;
import org.jnmt.train.MetricsLog;
import org.jnmt.train.TrainReport;
import org.jnmt.train.ValidationReport;

import java.util.List;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

/**
 * The training curves of a run as a {@link LinePlot}: dev BLEU on the left axis, train loss on the
 * right, against steps or epochs. Epochs are fractional: a step's epoch is interpolated between the
 * steps at which the epochs began (the first step recorded in each), and an epoch whose end is not
 * recorded yet is taken to be as long as the one before it.
 */
final class TrainingCurves {

    private TrainingCurves() {
    }

    static LinePlot plot(String title, MetricsLog.Records records, boolean byEpoch) {
        LongToDoubleFunction x = byEpoch ? epochScale(records) : step -> step;
        List<ValidationReport> valid = records.validations();
        List<TrainReport> train = records.train();
        double[] validX = new double[valid.size()];
        double[] bleu = new double[valid.size()];
        for (int i = 0; i < valid.size(); i++) {
            validX[i] = x.applyAsDouble(valid.get(i).step());
            bleu[i] = valid.get(i).bleu();
        }
        double[] trainX = new double[train.size()];
        double[] loss = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            trainX[i] = x.applyAsDouble(train.get(i).step());
            loss[i] = train.get(i).loss();
        }
        return new LinePlot(title, byEpoch ? "epoch" : "step", "dev BLEU", "train loss (nats per token)", List.of(
                new LinePlot.Series("dev BLEU", validX, bleu, LinePlot.Axis.LEFT),
                new LinePlot.Series("train loss", trainX, loss, LinePlot.Axis.RIGHT)));
    }

    /** Step to fractional epoch (0 at the start of epoch 1). */
    private static LongToDoubleFunction epochScale(MetricsLog.Records records) {
        TreeMap<Integer, Long> starts = new TreeMap<>(); // epoch -> the first step recorded in it
        starts.put(1, 0L);
        long lastStep = 1;
        for (TrainReport r : records.train()) {
            starts.merge(r.epoch(), r.step(), Math::min);
            lastStep = Math.max(lastStep, r.step());
        }
        for (ValidationReport r : records.validations()) {
            starts.merge(r.epoch(), r.step(), Math::min);
            lastStep = Math.max(lastStep, r.step());
        }
        long[] begin = starts.values().stream().mapToLong(Long::longValue).toArray();
        int[] epoch = starts.keySet().stream().mapToInt(Integer::intValue).toArray();
        int last = begin.length - 1;
        double lastLength = last > 0 ? (double) (begin[last] - begin[last - 1]) / (epoch[last] - epoch[last - 1]) : lastStep;
        return step -> {
            int i = last;
            while (i > 0 && begin[i] > step) {
                i--;
            }
            double length = i < last ? (double) (begin[i + 1] - begin[i]) / (epoch[i + 1] - epoch[i]) : lastLength;
            return epoch[i] - 1 + (step - begin[i]) / Math.max(1.0, length);
        };
    }
}
