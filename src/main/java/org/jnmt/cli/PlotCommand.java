package org.jnmt.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jnmt.train.MetricsLog;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.viz.TrainingCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nmt plot}: the training curves of a run directory as a PNG. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = {
            "Draw the training curves of a run from RUN/metrics.jsonl: dev BLEU (left axis) and train "
                    + "loss (right axis) against steps or epochs, as a PNG."
        })
public class PlotCommand implements Callable<Integer> {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "RUN",
            description = "The run (model) directory with metrics.jsonl.")
    Path runDir;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE.png",
            description = "The image (default: RUN/curves.png).")
    Path output;

    /** What the horizontal axis counts. */
    enum XAxis {
        STEP,
        EPOCH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(
            names = "--x",
            paramLabel = "AXIS",
            defaultValue = "step",
            description = "The horizontal axis: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    XAxis xAxis;

    @Override
    public Integer call() {
        MetricsLog.Records records = MetricsLog.read(runDir.resolve(MetricsLog.FILE_NAME));
        if (records.train().isEmpty() && records.validations().isEmpty()) {
            throw new NmtException(
                    runDir.resolve(MetricsLog.FILE_NAME) + " has no records yet; there is nothing to plot.");
        }
        Path file = output != null ? output : runDir.resolve("curves.png");
        TrainingCurves.writePng(
                file, TrainingCurves.chart(runDir + ": training curves", records, xAxis == XAxis.EPOCH), WIDTH, HEIGHT);
        Console.info("plot: wrote " + file);
        return 0;
    }
}
