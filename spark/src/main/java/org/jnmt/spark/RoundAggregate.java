package org.jnmt.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The result of an averaging round as {@code treeAggregate} builds it: the mean state and the workers' reports. */
final class RoundAggregate implements Serializable {

    private static final long serialVersionUID = 1L;

    private StateAverage average = new StateAverage();
    private final List<WorkerResult.Report> reports = new ArrayList<>();

    RoundAggregate add(WorkerResult result) {
        average = average.add(result.state());
        reports.add(result.report());
        return this;
    }

    RoundAggregate merge(RoundAggregate other) {
        average = average.merge(other.average);
        reports.addAll(other.reports);
        return this;
    }

    float[] meanState() {
        return average.mean();
    }

    List<WorkerResult.Report> reports() {
        return reports;
    }
}
